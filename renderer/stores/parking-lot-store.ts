// The current group's situations waiting for a meeting, read through the server-state layer, and
// bringing a new one (its change event re-reads the list). See docs/architecture.md "Renderer data
// layer".
import type { Input } from '../../shared/contract';
import type { Situation, SituationSummary } from '../../shared/domain';
import { describeError } from '../api/client';
import { useServer, useWrite } from '../api/use-server-state';

export function useSituations(groupId: string | null): {
  /** Null until the list for this group has landed. */
  situations: SituationSummary[] | null;
  error: string | null;
} {
  const query = useServer('situation.list', { groupId: groupId ?? '' }, { enabled: groupId !== null });
  return { situations: query.data ?? null, error: query.error ? describeError(query.error) : null };
}

export function useBringSituation(): (input: Input<'situation.create'>) => Promise<Situation> {
  return useWrite('situation.create').mutateAsync;
}

/** Waiting means parked: not yet taken up in a meeting. */
export function selectWaiting(situations: SituationSummary[]): SituationSummary[] {
  return situations.filter((s) => s.status === 'parked');
}
