// What a situation reads back as after a digest import, for the round-trip tests: its question,
// background, tags, advice tree and credit, with what every imported situation shares checked.
import { expect } from 'vitest';
import type { DigestCredit } from '../../shared/digest-format';
import type { SituationThread } from '../../shared/domain';
/** A point of the tree as written: its body, nested points, and in order. */
export type Tree = [body: string, points: Tree[]];

export interface Shape {
  title: string;
  background: string;
  confidential: boolean;
  tags: string[];
  tree: Tree[];
  credit: DigestCredit | null;
}

/** Typographic marks made plain and whitespace folded: spelled out here, to tell texts apart by. */
export function plainText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/[\u00A0\u2007\u202F\u200B\uFEFF]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function byName(a: string, b: string): number {
  return a.localeCompare(b, 'en');
}

/**
 * A situation as it reads back out of the archive, checking what every imported one shares: its
 * group's digest voice presents it and gives its advice.
 */
export function shapeOf(thread: SituationThread, imported: boolean): Shape {
  if (imported) {
    expect(thread.presenter).toMatchObject({ name: 'Imported', role: 'guest', origin: 'digest' });
    expect(thread.situation).toMatchObject({ status: 'processed' });
    for (const c of thread.contributions) {
      expect(c).toMatchObject({ kind: 'advice', authorId: thread.presenter.id, endorsedBy: [] });
    }
  }
  const tree = (parent: string | null): Tree[] =>
    thread.contributions.filter((c) => c.parentId === parent).map((c) => [c.body, tree(c.id)]);
  return {
    title: thread.situation.title,
    background: thread.situation.background,
    confidential: thread.situation.confidential,
    tags: thread.tags.map((t) => t.name).sort(byName),
    tree: tree(null),
    credit: thread.situation.credit,
  };
}
