// The exports' advice trees: a situation's points by the point they answer.
import { describe, expect, it } from 'vitest';
import { pointsByParent } from '../../electron/services/export/point-tree';
import type { ExportPoint } from '../../electron/store/exports';

const point = (id: string, parentId: string | null): ExportPoint => ({
  id,
  parentId,
  authorId: 'a',
  kind: 'advice',
  body: id,
  phase: null,
  endorsedBy: [],
});

describe('pointsByParent', () => {
  it('keeps each parent’s points in the store’s order', () => {
    const points = [point('1', null), point('1.1', '1'), point('2', null), point('1.2', '1')];
    const children = pointsByParent(points);
    expect([...children.keys()]).toEqual([null, '1']);
    expect(children.get(null)?.map((p) => p.id)).toEqual(['1', '2']);
    expect(children.get('1')?.map((p) => p.id)).toEqual(['1.1', '1.2']);
  });

  // Copying the siblings so far for each point took minutes here; one pass takes milliseconds, and
  // the timeout is the backstop.
  it('sorts 300,000 points of one situation, nearly all at the top level', () => {
    const points = Array.from({ length: 300_000 }, (_, i) => point(String(i), i % 1000 === 1 ? '0' : null));
    const children = pointsByParent(points);
    expect(children.get(null)).toHaveLength(299_700);
    expect(children.get('0')).toHaveLength(300);
    expect(children.get(null)?.at(-1)?.id).toBe('299999');
  }, 10_000);
});
