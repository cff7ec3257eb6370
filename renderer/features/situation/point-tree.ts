// The advice tree is derived from the flat thread: points nest under their parent, siblings in the
// order they were said. The situation page shows the tree; capture walks it depth-first.
import type { ContributionView } from '../../../shared/domain';

export interface PointNode {
  point: ContributionView;
  replies: PointNode[];
}

export function buildPointTree(points: readonly ContributionView[]): PointNode[] {
  const nodes = new Map(points.map((point) => [point.id, { point, replies: [] as PointNode[] }]));
  const roots: PointNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.point.parentId === null ? undefined : nodes.get(node.point.parentId);
    // A reply whose parent is gone (deleted, or not loaded) still shows, at the top level.
    (parent ? parent.replies : roots).push(node);
  }
  const bySaidOrder = (a: PointNode, b: PointNode) =>
    a.point.position - b.point.position || a.point.createdAt - b.point.createdAt;
  const sortAll = (list: PointNode[]) => {
    list.sort(bySaidOrder);
    for (const node of list) sortAll(node.replies);
  };
  sortAll(roots);
  return roots;
}

/** A point and how deep it nests: the tree in said order, depth-first, as the arrows move through it. */
export interface FlatPoint {
  point: ContributionView;
  depth: number;
}

export function flattenPointTree(
  roots: readonly PointNode[],
  depth = 0,
  into: FlatPoint[] = [],
): FlatPoint[] {
  for (const node of roots) {
    into.push({ point: node.point, depth });
    flattenPointTree(node.replies, depth + 1, into);
  }
  return into;
}

export function countReplies(nodes: readonly PointNode[]): number {
  return nodes.reduce((sum, node) => sum + node.replies.length + countReplies(node.replies), 0);
}

/** The thread as the page shows it: each top-level point in its section, with its sub-points. */
export interface ThreadSections {
  questions: PointNode[];
  advice: PointNode[];
  /** What the presenter heard: observations, above all the presenter's own reflection. */
  reflections: PointNode[];
}

export function sectionThread(roots: readonly PointNode[]): ThreadSections {
  return {
    questions: roots.filter((n) => n.point.kind === 'question'),
    advice: roots.filter((n) => n.point.kind === 'advice' || n.point.kind === 'experience'),
    reflections: roots.filter((n) => n.point.kind === 'observation'),
  };
}

/** The advice points any commitment's follow-up said helped. */
export function helpedPointIds(commitments: readonly { helpedContributionIds: string[] }[]): Set<string> {
  return new Set(commitments.flatMap((c) => c.helpedContributionIds));
}
