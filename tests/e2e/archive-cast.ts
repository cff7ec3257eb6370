// The small archive the archive journeys share, seeded through the real router: two groups, four
// situations, advice, and tags. "empow" finds two situations; the first is related to the second.
import type { Page } from '@playwright/test';
import type { RoundtableFixtures } from './fixtures';

export const TITLES = {
  empowerment: 'How do I build empowerment in my leadership team?',
  teamwork: 'How do you build teamwork across account teams?',
  pricing: 'Should I raise prices this year?',
  succession: 'Who should succeed me as CEO?',
} as const;

export async function seedArchiveCast(seed: RoundtableFixtures['seed']) {
  const group = await seed('group.create', { name: 'Vistage CE 1234' });
  const other = await seed('group.create', { name: 'EO Forum Seven' });
  const member = (groupId: string, name: string, company: string, role: 'chair' | 'member' = 'member') =>
    seed('member.create', { groupId, name, company, role });
  const ana = await member(group.id, 'Ana Lima', 'Lima Textiles');
  const ben = await member(group.id, 'Ben Okafor', 'Okafor Freight');
  const carla = await member(group.id, 'Carla Diaz', 'Diaz Foods', 'chair');
  const cleo = await member(other.id, 'Cleo Park', 'Park Dental');
  const situation = (groupId: string, presenterId: string, title: string, background: string) =>
    seed('situation.create', { groupId, presenterId, title, background });

  const empowerment = await situation(
    group.id,
    ana.id,
    TITLES.empowerment,
    'My managers wait for me to decide everything.',
  );
  const teamwork = await situation(
    group.id,
    ben.id,
    TITLES.teamwork,
    'Our account managers compete with each other. Empowerment is low.',
  );
  const pricing = await situation(other.id, cleo.id, TITLES.pricing, 'Margins are shrinking.');
  const succession = await situation(group.id, carla.id, TITLES.succession, 'A family business.');

  const budget = await seed('contribution.add', {
    situationId: empowerment.id,
    authorId: ben.id,
    kind: 'advice',
    body: 'Let them own the budget.',
  });
  await seed('contribution.add', {
    situationId: teamwork.id,
    authorId: carla.id,
    kind: 'advice',
    body: 'Pay one shared bonus on the whole account.',
  });
  await seed('contribution.add', {
    situationId: pricing.id,
    authorId: cleo.id,
    kind: 'advice',
    body: 'Benchmark against your competitors before the renewal cycle.',
  });
  await seed('situation.tag', { situationId: empowerment.id, name: 'employee experience' });
  await seed('situation.tag', { situationId: empowerment.id, name: 'leadership' });
  await seed('situation.tag', { situationId: teamwork.id, name: 'employee experience' });
  return { group, other, ana, ben, carla, cleo, empowerment, teamwork, pricing, succession, budget };
}

/** Opens a page of the app by its hash, as a link inside the app would. */
export async function openHash(page: Page, hash: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '') + hash);
}

/** A day as the date inputs and the URL write it, in the browser's own time zone. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
