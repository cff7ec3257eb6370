import type { ContributionKind } from '../../../shared/domain';

export const KIND_LABELS: Record<ContributionKind, string> = {
  advice: 'Advice',
  question: 'Question',
  experience: 'Experience',
  observation: 'Observation',
};

/** Advice first: it is what the group is mostly asked for, so it is the default. */
export const KIND_CHOICES: readonly ContributionKind[] = ['advice', 'question', 'experience', 'observation'];
