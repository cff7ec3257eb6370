// A closed meeting that processed two situations (one confidential), with questions, an advice tree
// with endorsements, a reflection, a commitment, a follow-up and ratings. Some names are hostile.
// The teamwork situation carries a stored digest credit naming someone outside the group, whom an
// advice point mentions too.
import type { TestBackend } from './backend-fixture';
import { namesLeft } from './redaction-arbitraries';
import {
  MEETING_DAY,
  openMeetingBackend,
  processUpTo,
  seedForum,
  startWithEveryone,
} from './meeting-fixture';

/** The credit stored on the teamwork situation. */
export const CREDIT = { name: 'Rosa Quintero', org: 'Quintero Holdings', pronoun: 'her' } as const;

export async function seedExportMeeting() {
  const { backend, clock } = await openMeetingBackend();
  const forum = await seedForum(backend);
  const { group, members } = forum;
  const hostile = await backend.call('member.create', {
    groupId: group.id,
    name: '<script>alert(1)</script> "onload=x',
    company: 'Evil & <Co>',
  });
  const secret = await backend.call('situation.create', {
    groupId: group.id,
    presenterId: members.eve.id,
    title: 'Should I tell my board about the lawsuit?',
    background: 'Only Dana knows. Eve Marsh Co is exposed.',
    confidential: true,
  });
  await startWithEveryone(backend, forum);
  await backend.call('attendance.mark', {
    meetingId: forum.meetingId,
    memberId: hostile.id,
    status: 'present',
  });
  const meetingId = forum.meetingId;
  const add = (
    situationId: string,
    authorId: string,
    kind: 'question' | 'advice' | 'observation',
    body: string,
    parentId: string | null = null,
  ) =>
    backend.call('contribution.add', {
      situationId,
      authorId,
      kind,
      body,
      parentId,
      meetingId,
      override: true,
    });

  const teamwork = forum.situations.teamwork.id;
  await processUpTo(backend, forum, teamwork, 'clarify');
  await add(teamwork, members.ben.id, 'question', 'Ana, how many account teams report to you?');
  await backend.call('phase.start', { meetingId, phase: 'advise', override: true });
  const top = await add(
    teamwork,
    members.ben.id,
    'advice',
    'Ana Ruiz should meet every team, as Ruiz Co did before.',
  );
  await add(
    teamwork,
    members.chen.id,
    'advice',
    'Ask Ben how Okafor Foods did it; Ben Okafor Co grew too.',
    top.id,
  );
  await add(
    teamwork,
    members.dana.id,
    'advice',
    'Rosa Quintero did this at Quintero Holdings; Quintero can tell you how.',
    top.id,
  );
  await add(teamwork, hostile.id, 'advice', '<img src=x onerror=alert(1)> reward the whole team');
  // No channel edits a credit after creation yet; an imported post would carry one like this.
  backend.db
    .prepare(`UPDATE situations SET credit_name = ?, credit_org = ?, credit_pronoun = ? WHERE id = ?`)
    .run(CREDIT.name, CREDIT.org, CREDIT.pronoun, teamwork);
  await backend.call('contribution.endorse', { contributionId: top.id, memberId: members.farid.id });
  await backend.call('phase.start', { meetingId, phase: 'reflect', override: true });
  await add(teamwork, members.ana.id, 'observation', 'I heard that CHEN and ben agree: one team.');
  await backend.call('phase.start', { meetingId, phase: 'commit', override: true });
  await backend.call('commitment.add', {
    meetingId,
    situationId: teamwork,
    ownerId: members.ana.id,
    body: 'Hold a joint account review with Farid',
    dueDate: '2025-06-30',
  });
  // Advice on a situation no meeting processed yet, so a digest of it has a post.
  await backend.call('contribution.add', {
    situationId: forum.situations.exit.id,
    authorId: members.farid.id,
    kind: 'advice',
    body: 'Sell when a buyer calls, not before.',
  });
  await processUpTo(backend, forum, secret.id, 'advise');
  await add(secret.id, members.dana.id, 'advice', 'Tell the board chair first.');
  await backend.call('wrapup.record', {
    meetingId,
    memberId: members.ana.id,
    takeaway: 'Ben was right',
    rating: 9,
  });
  await backend.call('wrapup.record', { meetingId, memberId: members.ben.id, takeaway: '', rating: 7 });
  clock.advance(60_000);
  return { backend, forum, hostile, secret, meetingId, day: MEETING_DAY };
}

/**
 * Everyone the database names: members (of every group, removed ones too) and credited people,
 * with their companies and credited organizations.
 */
export function everyone(backend: TestBackend): { names: string[]; companies: string[]; orgs: string[] } {
  const members = backend.db
    // A group's digest voice is no one.
    .prepare<[], { name: string; company: string }>(`SELECT name, company FROM members WHERE origin = 'room'`)
    .all();
  const credits = backend.db
    .prepare<[], { name: string; org: string }>(
      `SELECT credit_name AS name, credit_org AS org FROM situations WHERE credit_name IS NOT NULL`,
    )
    .all();
  return {
    names: [...members.map((m) => m.name), ...credits.map((c) => c.name)],
    companies: members.map((m) => m.company).filter((c) => c.length >= 2),
    orgs: credits.map((c) => c.org),
  };
}

/**
 * How an anonymized export's text still names someone in the database, by the rule in
 * electron/services/export/confidentiality.ts; empty when it names no one. Companies count only
 * when the chair asked to redact them; credited organizations always.
 */
export function namedIn(backend: TestBackend, text: string, redactCompanies: boolean): string[] {
  const { names, companies, orgs } = everyone(backend);
  return namesLeft(text, names, [...orgs, ...(redactCompanies ? companies : [])]);
}
