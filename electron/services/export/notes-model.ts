// Session notes as a document of display strings: what a meeting processed, read from the store and
// shaped by a confidentiality level, so the Markdown and HTML renderers only lay it out.
import type { ConfidentialityLevel, Member, Situation } from '../../../shared/domain';
import type { Store } from '../../store';
import { authorLabeller, omittedNotice, redactor, type ExportPeople } from './confidentiality';
import { pointsByParent } from './point-tree';

export interface NotesPoint {
  author: string;
  body: string;
  /** Who said "+1": names, or "One CEO"… when anonymized. */
  endorsedBy: string[];
  points: NotesPoint[];
}

export interface NotesSituation {
  question: string;
  /** Shown with a "Confidential" label: it left only because the chair confirmed it. */
  confidential: boolean;
  /** Null when anonymized. */
  presenter: string | null;
  background: string;
  tags: string[];
  questions: { author: string; body: string }[];
  advice: NotesPoint[];
  reflection: string[];
  commitments: { owner: string; body: string; due: string | null }[];
}

export interface NotesDocument {
  title: string;
  group: string;
  date: string;
  location: string;
  /** Names with their status, or a count alone when anonymized. */
  attendance: string[];
  situations: NotesSituation[];
  followUps: { situation: string; owner: string; body: string; outcome: string }[];
  ratings: { who: string; rating: number | null; takeaway: string }[];
  averageRating: number | null;
  notice: string | null;
  omitted: number;
}

export interface NotesOptions {
  level: ConfidentialityLevel;
  /** Presenter-only: whose situations. */
  presenterId?: string | undefined;
  redactCompanies: boolean;
  /**
   * Confidential situations go out only in a full export, or in a presenter's own notes, that the
   * chair confirmed.
   */
  includeConfidential: boolean;
}

/**
 * May a confidential situation leave? Only named (never anonymized: a confidential situation is not
 * published), and only when the chair confirmed it. Presenter-only notes hold the presenter's own
 * situations alone, so there it is the presenter's own confidential situation, going back to them.
 */
export function confidentialAllowed(options: Pick<NotesOptions, 'level' | 'includeConfidential'>): boolean {
  return options.level !== 'anonymized' && options.includeConfidential;
}

export function formatDay(at: number): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long' }).format(new Date(at));
}

const OUTCOME_WORDS: Record<string, string> = {
  open: 'still open',
  done: 'done',
  partly: 'partly done',
  not_done: 'not done',
};

/** Which situations go out, and how many confidential ones stay in. */
export function chooseSituations(
  situations: Situation[],
  options: NotesOptions,
): { chosen: Situation[]; omitted: number } {
  const own =
    options.level === 'presenter'
      ? situations.filter((s) => s.presenterId === options.presenterId)
      : situations;
  const allowConfidential = confidentialAllowed(options);
  const chosen = own.filter((s) => allowConfidential || !s.confidential);
  return { chosen, omitted: own.length - chosen.length };
}

export interface Shaper {
  text: (text: string) => string;
  person: (memberId: string, label: (id: string) => string) => string;
}

/** The group's members (to name authors), and everyone whose name an anonymized export hides. */
export interface NotesPeople {
  members: Member[];
  everyone: ExportPeople;
}

function shaper({ members, everyone }: NotesPeople, options: NotesOptions): Shaper {
  const byId = new Map(members.map((m) => [m.id, m]));
  if (options.level !== 'anonymized') {
    return { text: (t) => t, person: (id) => byId.get(id)?.name ?? 'A guest' };
  }
  const redact = redactor(everyone, { redactCompanies: options.redactCompanies });
  return { text: redact, person: (id, label) => label(id) };
}

/** One situation's notes; `shape` is the export's one shaper, its redactor built once. */
export function situationNotes(
  store: Store,
  situation: Situation,
  shape: Shaper,
  options: NotesOptions,
): NotesSituation {
  const label = authorLabeller(situation.presenterId);
  const person = (id: string) => shape.person(id, label);
  const points = store.exports.points(situation.id);
  const children = pointsByParent(points);
  const tree = (parentId: string | null): NotesPoint[] =>
    (children.get(parentId) ?? [])
      .filter((p) => p.kind !== 'question' && p.phase !== 'reflect')
      .map((p) => ({
        author: person(p.authorId),
        body: shape.text(p.body),
        endorsedBy: p.endorsedBy.map(person),
        points: tree(p.id),
      }));
  return {
    question: shape.text(situation.title),
    confidential: situation.confidential,
    presenter: options.level === 'anonymized' ? null : person(situation.presenterId),
    background: shape.text(situation.background),
    tags: store.tags.listBySituation(situation.id).map((t) => shape.text(t.name)),
    questions: points
      .filter((p) => p.kind === 'question' && p.phase !== 'reflect')
      .map((p) => ({ author: person(p.authorId), body: shape.text(p.body) })),
    advice: tree(null),
    reflection: points.filter((p) => p.phase === 'reflect').map((p) => shape.text(p.body)),
    commitments: store.commitments.listBySituation(situation.id).map((k) => ({
      owner: person(k.ownerId),
      body: shape.text(k.body),
      due: k.dueAt === null ? null : new Date(k.dueAt).toISOString().slice(0, 10),
    })),
  };
}

export interface MeetingNotesSource {
  meetingId: string;
  onSituation?: (done: number, total: number) => void;
}

/** The whole meeting's notes, or null when there is no such meeting. */
export function meetingNotes(
  store: Store,
  source: MeetingNotesSource,
  options: NotesOptions,
): NotesDocument | null {
  const meeting = store.meetings.get(source.meetingId);
  const group = meeting && store.groups.get(meeting.groupId);
  if (!meeting || !group) return null;
  const anonymized = options.level === 'anonymized';
  const people: NotesPeople = {
    members: store.members.listByGroup(group.id),
    everyone: anonymized ? store.exports.people() : { members: [], credits: [] },
  };
  const shape = shaper(people, options);
  const all = store.exports
    .processedAt(meeting.id)
    .map((id) => store.situations.get(id))
    .filter((s): s is Situation => s !== undefined);
  const { chosen, omitted } = chooseSituations(all, options);
  const situations = chosen.map((s, i) => {
    const notes = situationNotes(store, s, shape, options);
    source.onSituation?.(i + 1, chosen.length);
    return notes;
  });
  const presenterOnly = options.level === 'presenter';
  const present = store.meetings.attendance(meeting.id).filter((a) => a.status !== 'expected');
  const attendance = anonymized
    ? [`${present.filter((a) => a.status !== 'absent').length} members attended.`]
    : presenterOnly
      ? []
      : present.map((a) => `${a.name} (${a.status})`);
  const chosenIds = new Set(chosen.map((s) => s.id));
  const followUps = store.commitments
    .followUp(group.id, meeting.id, meeting.startsAt)
    .filter((k) => !presenterOnly || k.presenterId === options.presenterId)
    .filter((k) => {
      const situation = store.situations.get(k.situationId);
      return chosenIds.has(k.situationId) || !situation?.confidential || confidentialAllowed(options);
    })
    .map((k) => ({
      situation: shape.text(k.situationTitle),
      owner: anonymized ? 'A CEO' : k.ownerName,
      body: shape.text(k.body),
      outcome: (OUTCOME_WORDS[k.status] ?? k.status) + (k.outcome ? `: ${shape.text(k.outcome)}` : ''),
    }));
  const wrapUp = presenterOnly ? [] : store.meetings.wrapUp(meeting.id);
  return {
    title: `Session notes: ${shape.text(group.name)}, ${formatDay(meeting.startsAt)}`,
    group: shape.text(group.name),
    date: formatDay(meeting.startsAt),
    location: shape.text(meeting.location),
    attendance,
    situations,
    followUps,
    ratings: wrapUp.map((w) => ({
      who: anonymized ? 'A CEO' : w.memberName,
      rating: w.rating,
      takeaway: shape.text(w.takeaway),
    })),
    averageRating: presenterOnly ? null : meeting.rating,
    notice: omittedNotice(omitted),
    omitted,
  };
}
