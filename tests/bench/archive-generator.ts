// A seeded generator of a realistic archive: groups, members, situations phrased as questions, and
// nested advice. The same seed always gives the same archive, so bench runs compare like with like.
import { Faker, en } from '@faker-js/faker';
import type { Db } from '../../electron/store/database';
import { newId } from '../../electron/store/ids';
import { nextChildRidSql } from '../../electron/store/row-ids';

export interface ArchiveSize {
  groups: number;
  membersPerGroup: number;
  situations: number;
  contributionsPerSituation: number;
}

/** Bumped whenever the generated text changes, so the bench never reuses an archive of other text. */
export const GENERATOR_VERSION = 3;

export const REFERENCE_ARCHIVE: ArchiveSize = {
  groups: 40,
  membersPerGroup: 14,
  situations: 20_000,
  contributionsPerSituation: 20,
};

// Twenty years of a busy chair's archive cover a wide range of issues: topics, questions and advice
// are drawn from varied pools, and faker's business phrases fill in the rest of the text.
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
  'a product recall',
  'a cyber attack on our systems',
  'our first acquisition',
  'raising a second round',
  'bank covenants',
  'a union organizing drive',
  'moving manufacturing offshore',
  'bringing manufacturing home',
  'a lawsuit from a former partner',
  'the founder stepping back',
  'my spouse joining the business',
  'a toxic top performer',
  'gross margin erosion',
  'a supplier going bankrupt',
  'opening a second location',
  'franchising the concept',
  'an ESOP',
  'compensation bands',
  'a four-day week',
  'return to office',
  'the CFO resigning',
  'an unsolicited offer',
  'a customer concentration problem',
  'scaling customer support',
  'a failed ERP rollout',
  'price increases',
  'recruiting engineers',
  'our brand refresh',
  'a minority investor',
  'shareholder disputes',
  'a partner buyout',
  'layoffs',
  'a restructuring',
  'the next strategic plan',
  'a difficult board member',
  'work-life balance',
  'health scare',
  'coaching my managers',
  'performance reviews',
  'accountability',
  'a culture of blame',
  'innovation stalling',
  'artificial intelligence in our operations',
  'data privacy rules',
  'export regulations',
  'currency risk',
  'interest rates',
  'a real estate decision',
  'leasing versus buying',
  'inventory write-offs',
  'channel conflict',
  'distributors',
  'subscription pricing',
  'churn',
  'a new sales methodology',
  'commission plans',
  'a sales territory redesign',
  'diversity in hiring',
  'mentoring the next generation',
  'philanthropy and the company',
  'an exit in five years',
  'valuation',
  'estate planning',
  'my role as CEO',
  'delegation',
  'decision rights',
  'meeting overload',
];

const OPENERS = [
  'How do you',
  'Should I',
  'When is it time to',
  'What is the best way to',
  'How can I',
  'Who should',
  'How do other CEOs',
  'What would you do about',
  'Is it wise to',
  'How fast should I',
];
const VERBS = [
  'handle',
  'rethink',
  'build',
  'fix',
  'approach',
  'plan for',
  'talk to my team about',
  'decide on',
  'measure',
  'invest in',
  'communicate',
  'negotiate',
  'prepare for',
  'get ahead of',
  'walk away from',
];
const ADVICE = [
  'It looks like the company needs to change how it handles {a}.',
  'Schedule meetings with the full staff about {a} and listen before deciding.',
  'Tie part of the bonus to results on {a}.',
  'Have the hard conversation about {a} this week; waiting makes it worse.',
  'Bring in an outside facilitator for {a}; you are too close to it.',
  'Write down what success looks like for {a} in twelve months.',
  'Talk to two CEOs who have been through {a} before you commit.',
  'Separate the people question from {a}.',
  'I went through {a} in 2015; we moved too slowly and lost a year.',
  'Ask your banker what they think about {a} before the board meeting.',
  'Give one person clear ownership of {a} and a deadline.',
  'Run a small pilot on {a} before you bet the company.',
  'Your advisory board should hear about {a} first.',
  'Put {a} on the agenda of every leadership meeting for a quarter.',
  'Check the numbers on {a} with your CFO, then decide.',
  'Consider what your customers would say about {a}.',
  'Document the process for {a} so it survives turnover.',
  'My experience with {a}: start with the why, not the how.',
  'Hire a specialist for {a}; it pays for itself.',
  'Do not let {a} distract you from the core business.',
  'What is the cost of doing nothing about {a}?',
  'Look at {a} through the eyes of your best employee.',
  'Take a week away and think about {a} with a clear head.',
  'Set a budget for {a} and stick to it.',
  'Be transparent with the team about {a}.',
  'Benchmark {a} against your competitors.',
  'Get a second legal opinion on {a}.',
  'Measure {a} monthly and share the dashboard.',
  'Your spouse should be part of the decision on {a}.',
  'Reframe {a} as an opportunity for the next generation.',
];

export function createArchiveGenerator(seed: number) {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  const pick = <T>(items: readonly T[]): T => faker.helpers.arrayElement(items);

  // A discussion stays mostly on its situation's topic: most questions and advice speak to it, and
  // some bring in a neighbouring one.
  const onTopic = (topic: string | undefined) =>
    topic !== undefined && faker.number.float() < 0.75 ? topic : pick(TOPICS);

  return {
    topic: (): string => pick(TOPICS),
    question: (topic?: string): string => `${pick(OPENERS)} ${pick(VERBS)} ${onTopic(topic)}?`,
    background: (topic?: string): string =>
      `${faker.company.name()} has ${faker.number.int({ min: 20, max: 900 })} employees in ${faker.location.city()}. ` +
      `${faker.company.catchPhrase()}. The CEO worries about ${onTopic(topic)}. ` +
      `Last year the team tried to ${faker.company.buzzPhrase()}, with mixed results.`,
    advice: (topic?: string): string =>
      `${pick(ADVICE).replace('{a}', onTopic(topic))} ${faker.company.buzzPhrase()}.`,
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
    `INSERT INTO contributions (rid, id, situation_id, parent_id, author_id, kind, body, position, created_at, updated_at)
     VALUES (${nextChildRidSql('contributions')}, @id, @situationId, @parentId, @authorId, @kind, @body, @position, @at, @at)`,
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
        const topic = gen.topic();
        insertSituation.run(id, groupId, presenter, gen.question(topic), gen.background(topic), at, at);
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
          const body = kind === 'question' ? gen.question(topic) : gen.advice(topic);
          insertContribution.run({
            id: cid,
            situationId: id,
            parentId: parent,
            authorId: author,
            kind,
            body,
            position: pos,
            at: at + c,
          });
          if (kind === 'advice' && parent === null) lastTop = cid;
        }
      }
    })();
    onProgress(Math.min(done + chunk, size.situations), size.situations);
  }
  return { groupIds, memberIds: [...membersByGroup.values()].flat(), situationIds };
}
