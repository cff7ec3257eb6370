// A situation's points by the point they answer, for the exports' advice trees.
import type { ExportPoint } from '../../store/exports';

/**
 * Each parent's points (null: the top level), in the store's order. Built in one pass: copying the
 * siblings so far for each point grew with the square of a long list of advice.
 */
export function pointsByParent(points: readonly ExportPoint[]): Map<string | null, ExportPoint[]> {
  const children = new Map<string | null, ExportPoint[]>();
  for (const point of points) {
    const siblings = children.get(point.parentId);
    if (siblings) siblings.push(point);
    else children.set(point.parentId, [point]);
  }
  return children;
}
