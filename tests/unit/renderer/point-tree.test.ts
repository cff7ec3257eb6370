// The point tree, built once from the flat thread: the situation page shows it, capture walks it
// depth-first. Sub-points nest under their parent, siblings in said order (position, then time), and
// a sub-point whose parent is gone shows at the top level.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContributionView } from '../../../shared/domain';
import {
  buildPointTree,
  countReplies,
  flattenPointTree,
} from '../../../renderer/features/situation/point-tree';

function point(
  id: string,
  parentId: string | null,
  position: number,
  createdAt = position,
): ContributionView {
  return {
    id,
    situationId: 's',
    parentId,
    authorId: 'a',
    kind: 'advice',
    body: id,
    position,
    createdAt,
    authorName: 'Ana',
    endorsedBy: [],
  };
}

describe('the point tree', () => {
  const points = [
    point('b', null, 1),
    point('a2', 'a', 1),
    point('a', null, 0),
    point('a1', 'a', 0),
    point('a1x', 'a1', 0),
    point('orphan', 'gone', 0, 9),
  ];

  it('nests sub-points under their parent, siblings by position then time', () => {
    const flat = flattenPointTree(buildPointTree(points));
    expect(flat.map((f) => [f.point.id, f.depth])).toEqual([
      ['a', 0],
      ['a1', 1],
      ['a1x', 2],
      ['a2', 1],
      ['orphan', 0],
      ['b', 0],
    ]);
  });

  it('counts every reply below the top level', () => {
    expect(countReplies(buildPointTree(points))).toBe(3);
  });

  it('orders siblings at the same position by when they were said', () => {
    const flat = flattenPointTree(buildPointTree([point('late', null, 0, 5), point('early', null, 0, 2)]));
    expect(flat.map((f) => f.point.id)).toEqual(['early', 'late']);
  });

  it('shows every point exactly once, whatever the thread', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(20), fc.nat(3)), { maxLength: 30 }), (shape) => {
        // Each point's parent is an earlier point (or none), as the backend keeps them.
        const list = shape.map(([parent, position], i) =>
          point(`p${i}`, i > 0 && parent < i ? `p${parent}` : null, position, i),
        );
        const flat = flattenPointTree(buildPointTree(list));
        expect(flat.map((f) => f.point.id).sort()).toEqual(list.map((p) => p.id).sort());
        for (const { point: p, depth } of flat) {
          const parent = flat.find((f) => f.point.id === p.parentId);
          expect(depth).toBe(parent ? parent.depth + 1 : 0);
        }
      }),
    );
  });
});
