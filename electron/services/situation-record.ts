// The guard every handler that takes a situation's id starts with.
import type { Situation } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type { ServiceContext } from './context';

export function requireSituation(store: ServiceContext['store'], id: string): Situation {
  const situation = store.situations.get(id);
  if (!situation) throw new AppError('NOT_FOUND', 'That situation no longer exists.');
  return situation;
}
