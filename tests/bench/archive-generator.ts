// A seeded generator of a realistic archive: groups, members, situations phrased as questions, and
// nested advice. The same seed always gives the same archive, so bench runs compare like with like.
import { Faker, en } from '@faker-js/faker';
import type { Db } from '../../electron/store/database';
import { newId } from '../../electron/store/ids';

export interface ArchiveSize {
  groups: number;
  membersPerGroup: number;
  situations: number;
  contributionsPerSituation: number;
}

export const REFERENCE_ARCHIVE: ArchiveSize = {
  groups: 40,
  membersPerGroup: 14,
  situations: 20_000,
  contributionsPerSituation: 20,
};

const TOPICS = [
  'teamwork across account teams',
  'empowering my leadership team',
  'succession for the family business',
  'selling the company to private equity',
  'a co-founder who no longer pulls their weight',
  'hiring a COO',
  'pricing in an inflationary market',
  'remote work and culture',
  'employee experience',
  'a key customer that wants exclusivity',
  'cash flow during fast growth',
  'board governance',
  'my own burnout',
  'entering a new market',
  'an underperforming sales leader',
];

const OPENERS = ['How do you', 'Should I', 'When is it time to', 'What is the best way to', 'How can I'];
const VERBS = ['handle', 'rethink', 'build', 'fix', 'approach', 'plan for', 'talk to my team about'];
const ADVICE = [
  'It looks like the company needs to change its {a} culture.',
  'Schedule meetings with the full {a} staff and listen before deciding.',
  'Tie a share of the bonus to {a} results across teams.',
  'Have the hard conversation this week; waiting makes {a} worse.',
  'Bring in an outside facilitator for {a}; you are too close to it.',
  'Write down what success looks like for {a} in twelve months.',
  'Talk to two CEOs who have been through {a} before you commit.',
  'Separate the people question from the {a} question.',
];

export function createArchiveGenerator(seed: number) {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  const pick = <T>(items: readonly T[]): T => faker.helpers.arrayElement(items);

  return {
    question: (): string => `${pick(OPENERS)} ${pick(VERBS)} ${pick(TOPICS)}?`,
    background: (): string =>
      `${faker.company.name()} has ${faker.number.int({ min: 20, max: 900 })} employees. ${faker.company.catchPhrase()}. ` +
      `The CEO worries about ${pick(TOPICS)} and ${faker.company.buzzPhrase()}. ${faker.lorem.sentences(2)}`,
    advice: (): string => `${pick(ADVICE).replace('{a}', pick(TOPICS))} ${faker.company.buzzPhrase()}.`,
    name: (): string => faker.person.fullName(),
    company: (): string => faker.company.name(),
    int: (min: number, max: number): number => faker.number.int({ min, max }),
  };
}

/**
 * Writes an archive straight through SQL (the triggers keep FTS), in chunks of one transaction each,
 * calling onProgress between chunks.
 */
export function generateArchive(
  db: Db,
  size: ArchiveSize,
  seed = 20_261_122,
  onProgress: (done: number, total: number) => void = () => undefined,
): { groupIds: string[]; memberIds: string[]; situationIds: string[] } {
  const gen = createArchiveGenerator(seed);
  const insertGroup = db.prepare(`INSERT INTO groups (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)`);
  const insertMember = db.prepare(
    `INSERT INTO members (id, group_id, name, company, title, role, created_at, updated_at) VALUES (?, ?, ?, ?, 'CEO', ?, ?, ?)`,
  );
  const insertSituation = db.prepare(
    `INSERT INTO situations (id, group_id, presenter_id, title, background, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'processed', ?, ?)`,
  );
  const insertContribution = db.prepare(
    `INSERT INTO contributions (id, situation_id, parent_id, author_id, kind, body, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const start = Date.UTC(2006, 0, 1);
  const span = Date.UTC(2026, 0, 1) - start;
  const groupIds: string[] = [];
  const membersByGroup = new Map<string, string[]>();
  db.transaction(() => {
    for (let g = 0; g < size.groups; g++) {
      const groupId = newId();
      groupIds.push(groupId);
      insertGroup.run(groupId, `Forum ${g + 1}`, start, start);
      const members: string[] = [];
      for (let m = 0; m < size.membersPerGroup; m++) {
        const id = newId();
        members.push(id);
        insertMember.run(id, groupId, gen.name(), gen.company(), m === 0 ? 'chair' : 'member', start, start);
      }
      membersByGroup.set(groupId, members);
    }
  })();

  const situationIds: string[] = [];
  const chunk = 500;
  for (let done = 0; done < size.situations; done += chunk) {
    db.transaction(() => {
      for (let i = done; i < Math.min(done + chunk, size.situations); i++) {
        const groupId = groupIds[i % groupIds.length] ?? '';
        const members = membersByGroup.get(groupId) ?? [];
        const at = start + Math.floor((span * i) / size.situations);
        const id = newId();
        situationIds.push(id);
        const presenter = members[gen.int(0, members.length - 1)] ?? '';
        insertSituation.run(id, groupId, presenter, gen.question(), gen.background(), at, at);
        let lastTop: string | null = null;
        const position = new Map<string | null, number>();
        for (let c = 0; c < size.contributionsPerSituation; c++) {
          const kind =
            c < 3 ? 'question' : c === size.contributionsPerSituation - 1 ? 'observation' : 'advice';
          const parent = kind === 'advice' && lastTop !== null && gen.int(0, 3) === 0 ? lastTop : null;
          const cid = newId();
          const pos = position.get(parent) ?? 0;
          position.set(parent, pos + 1);
          const author = members[gen.int(0, members.length - 1)] ?? '';
          const body = kind === 'question' ? gen.question() : gen.advice();
          insertContribution.run(cid, id, parent, author, kind, body, pos, at + c, at + c);
          if (kind === 'advice' && parent === null) lastTop = cid;
        }
      }
    })();
    onProgress(Math.min(done + chunk, size.situations), size.situations);
  }
  return { groupIds, memberIds: [...membersByGroup.values()].flat(), situationIds };
}
