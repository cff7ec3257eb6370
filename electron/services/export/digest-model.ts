// Situations as digest posts: the top-level advice points (questions and the presenter's reflection
// left out) with their sub-points, names redacted when the digest is anonymized.
import type { DigestCredit, DigestPoint, DigestPost } from '../../../shared/digest-format';
import type { Member, Situation } from '../../../shared/domain';
import type { Store } from '../../store';
import type { ExportPoint } from '../../store/exports';
import { redactor } from './confidentiality';

export interface DigestOptions {
  anonymized: boolean;
  redactCompanies: boolean;
  noun: string;
  /** Credit each post's presenter ("Special thanks to NAME of ORG…"), the chair's explicit choice. */
  creditPronoun: DigestCredit['pronoun'] | null;
}

export function digestPost(
  store: Store,
  situation: Situation,
  members: Member[],
  options: DigestOptions,
): DigestPost {
  const text = options.anonymized
    ? redactor(members, { redactCompanies: options.redactCompanies })
    : (t: string) => t;
  const points = store.exports
    .points(situation.id)
    .filter((p) => p.kind !== 'question' && p.phase !== 'reflect');
  const children = new Map<string | null, ExportPoint[]>();
  for (const p of points) children.set(p.parentId, [...(children.get(p.parentId) ?? []), p]);
  const tree = (parentId: string | null): DigestPoint[] =>
    (children.get(parentId) ?? []).map((p) => ({ text: text(p.body), points: tree(p.id) }));
  const presenter = members.find((m) => m.id === situation.presenterId);
  return {
    question: text(situation.title),
    background: text(situation.background),
    noun: options.noun,
    points: tree(null),
    credit:
      options.creditPronoun && presenter
        ? { name: presenter.name, org: presenter.company || 'their company', pronoun: options.creditPronoun }
        : null,
  };
}
