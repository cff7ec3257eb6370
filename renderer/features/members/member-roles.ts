import type { MemberRole } from '../../../shared/domain';

export const ROLE_LABELS: Record<MemberRole, string> = {
  chair: 'Chair',
  member: 'Member',
  guest: 'Guest',
};
