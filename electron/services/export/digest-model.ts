// Situations as digest posts: the top-level advice points (questions and the presenter's reflection
// left out) with their sub-points, the situation's tags and confidential flag, names redacted when
// the digest is anonymized.
//
// The credit line names a person, so only a full digest has one: the situation's stored credit, or
// else the presenter's when the chair asked for it (creditPronoun). An anonymized digest has none.
//
// An imported post is written back in its own words: its heading and Situation paragraph as they
// came, and the noun its title counted in rather than the chair's (migration 5).
import type { DigestCredit, DigestPoint } from '../../../shared/digest-format';
import type { Member, Situation } from '../../../shared/domain';
import type { Store } from '../../store';
import type { DigestEntry } from './digest-render';
import { pointsByParent } from './point-tree';

export interface DigestOptions {
  anonymized: boolean;
  /** The chair's noun, for every post but an imported one, which keeps its own. */
  noun: string;
  /**
   * Credit the presenter of each post that has no stored credit ("Special thanks to NAME of ORG…"),
   * the chair's explicit choice. Ignored in an anonymized digest.
   */
  creditPronoun: DigestCredit['pronoun'] | null;
  /** The digest's text as it may leave: redacted when anonymized, as written otherwise. */
  text: (text: string) => string;
}

function postCredit(situation: Situation, presenter: Member | undefined, options: DigestOptions) {
  if (options.anonymized) return null;
  if (situation.credit) return situation.credit;
  if (!options.creditPronoun || !presenter) return null;
  return { name: presenter.name, org: presenter.company || 'their company', pronoun: options.creditPronoun };
}

export function digestPost(
  store: Store,
  situation: Situation,
  presenter: Member | undefined,
  options: DigestOptions,
): DigestEntry {
  const { text } = options;
  const points = store.exports
    .points(situation.id)
    .filter((p) => p.kind !== 'question' && p.phase !== 'reflect');
  const children = pointsByParent(points);
  const tree = (parentId: string | null): DigestPoint[] =>
    (children.get(parentId) ?? []).map((p) => ({ text: text(p.body), points: tree(p.id) }));
  const form = store.exports.digestForm(situation.id);
  return {
    question: text(situation.title),
    background: text(situation.background),
    asPosted: form.asPosted,
    noun: form.noun ?? options.noun,
    points: tree(null),
    credit: postCredit(situation, presenter, options),
    tags: store.tags.listBySituation(situation.id).map((t) => text(t.name)),
    confidential: situation.confidential,
  };
}
