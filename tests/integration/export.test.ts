// Session notes and digests through the router: contents, confidentiality levels, the confidential
// rule, escaping, and progress for long exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_CSP } from '../../electron/services/export/html-page';
import type { TestBackend } from './backend-fixture';
import { CREDIT, namedIn, seedExportMeeting } from './export-fixture';
import { expectRefusal, UNKNOWN_ID } from './meeting-fixture';

let backend: TestBackend;
let seeded: Awaited<ReturnType<typeof seedExportMeeting>>;

beforeAll(async () => {
  seeded = await seedExportMeeting();
  backend = seeded.backend;
}, 60_000);
afterAll(() => backend.close());

describe('export.notes', () => {
  it('writes full Markdown notes: group, date, attendance, questions, advice tree, reflection, commitments, ratings', async () => {
    const { content, notice, omittedConfidential, fileName } = await backend.call('export.notes', {
      meetingId: seeded.meetingId,
      format: 'markdown',
      level: 'full',
    });
    expect(fileName).toBe('notes-2025-05-08-full.md');
    expect(content).toMatch(/^# Session notes: Vistage CE 4821, May 8, 2025/);
    expect(content).toContain('## Attendance');
    expect(content).toContain('- Ana Ruiz (present)');
    expect(content).toContain('## 1. How do you build teamwork across account teams?');
    expect(content).toContain('### Questions\n\n- Ana, how many account teams report to you? — _Ben Okafor_');
    expect(content).toMatch(
      /\n- Ana Ruiz should meet every team, as Ruiz Co did before\. — _Ben Okafor_ \(\+1 from Farid Haddad\)\n {2}- Ask Ben how Okafor Foods did it; Ben Okafor Co grew too\. — _Chen Li_/,
    );
    expect(content).toContain('### Reflection\n\n> I heard that CHEN and ben agree: one team.');
    expect(content).toContain('- Hold a joint account review with Farid — Ana Ruiz, by 2025-06-30');
    expect(content).toContain('Average: 8.0 / 10');
    // The confidential situation stays out unless the chair confirms it.
    expect(content).not.toContain('lawsuit');
    expect(omittedConfidential).toBe(1);
    expect(notice).toBe('1 confidential situation left out.');
  });

  it('includes a confidential situation only in a full export the chair confirmed', async () => {
    const full = await backend.call('export.notes', {
      meetingId: seeded.meetingId,
      format: 'markdown',
      level: 'full',
      includeConfidential: true,
    });
    expect(full.content).toContain('Should I tell my board about the lawsuit?');
    expect(full.omittedConfidential).toBe(0);
    const anonymized = await backend.call('export.notes', {
      meetingId: seeded.meetingId,
      format: 'markdown',
      level: 'anonymized',
      includeConfidential: true,
    });
    expect(anonymized.content).not.toContain('lawsuit');
    expect(anonymized.notice).toBe('1 confidential situation left out.');
  });

  it('anonymizes: varied authors, and no member or company name anywhere in the output', async () => {
    for (const format of ['markdown', 'html'] as const) {
      const { content } = await backend.call('export.notes', {
        meetingId: seeded.meetingId,
        format,
        level: 'anonymized',
        redactCompanies: true,
      });
      expect(namedIn(backend, visibleText(format, content), true), format).toEqual([]);
      // The hostile member's name, as HTML escapes it, is not there either.
      expect(content).not.toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(content).not.toContain('onload=x');
      // "CHEN" is a name in capitals; "ben" in lower case is an ordinary word by the rule
      // (confidentiality.ts): only the full name goes in any case.
      expect(content).toMatch(/I heard that \\?\[name\\?\] and ben agree/);
      expect(content).toContain('One CEO');
      expect(content).toContain('Another CEO');
      expect(content).toContain('A third CEO');
      expect(content).toContain('The presenter');
      expect(content).toMatch(/\\?\[name\\?\]/);
      expect(content).toMatch(/\\?\[company\\?\]/);
    }
  });

  it('keeps companies when the chair does not ask to redact them', async () => {
    const { content } = await backend.call('export.notes', {
      meetingId: seeded.meetingId,
      format: 'markdown',
      level: 'anonymized',
    });
    expect(content).toContain('\\[name\\] Foods');
    expect(content).toContain('Ask \\[name\\] how \\[name\\] Foods did it; \\[name\\] Co grew too.');
    // The credited organization goes all the same: "Special thanks to NAME of ORG" names the presenter by it.
    expect(content).toContain('\\[name\\] did this at \\[company\\]; \\[name\\] can tell you how.');
    expect(content.match(/company\\]/g)).toHaveLength(1);
  });

  it('presenter-only holds just that presenter’s situation, and a confidential one only when the chair confirms it', async () => {
    const { members } = seeded.forum;
    const ana = await backend.call('export.notes', {
      meetingId: seeded.meetingId,
      format: 'markdown',
      level: 'presenter',
      presenterId: members.ana.id,
      includeConfidential: true,
    });
    expect(ana.situationCount).toBe(1);
    expect(ana.content).toContain('How do you build teamwork');
    expect(ana.content).not.toContain('lawsuit');
    expect(ana.content).not.toContain('## Attendance');
    expect(ana.content).not.toContain('Confidential');
    const eve = (includeConfidential: boolean) =>
      backend.call('export.notes', {
        meetingId: seeded.meetingId,
        format: 'markdown',
        level: 'presenter',
        presenterId: members.eve.id,
        includeConfidential,
      });
    const unconfirmed = await eve(false);
    expect(unconfirmed.situationCount).toBe(0);
    expect(unconfirmed.notice).toBe('1 confidential situation left out.');
    expect(unconfirmed.content).not.toContain('lawsuit');
    // Eve's own confidential situation goes back to Eve once the chair confirms, labelled.
    const confirmed = await eve(true);
    expect(confirmed).toMatchObject({ situationCount: 1, omittedConfidential: 0, notice: null });
    expect(confirmed.content).toContain(
      '## 1. Should I tell my board about the lawsuit?\n\n**Confidential**\n\nPresented by Eve Marsh.',
    );
    expect(confirmed.content).toContain('- Tell the board chair first. — _Dana Whitfield_');
  });

  it('writes a self-contained HTML page: strict CSP, no script, nothing remote, every string escaped', async () => {
    const { content } = await backend.call('export.notes', {
      meetingId: seeded.meetingId,
      format: 'html',
      level: 'full',
    });
    expect(content).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP.replace(/'/g, '&#39;')}">`,
    );
    expect(content).not.toMatch(/<(script|img|link|iframe|object|embed|base|svg)\b/i);
    expect(content).not.toMatch(/https?:|\/\/|url\(|@import/i);
    expect(content).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;onload=x');
    expect(content).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(content).toContain('<h2>1. How do you build teamwork across account teams?</h2>');
  });

  it('refuses presenter-only without a presenter, and an unknown meeting, changing nothing', async () => {
    await expectRefusal(
      backend,
      'export.notes',
      { meetingId: seeded.meetingId, format: 'markdown', level: 'presenter' },
      { code: 'VALIDATION' },
    );
    await expectRefusal(
      backend,
      'export.notes',
      { meetingId: UNKNOWN_ID, format: 'markdown', level: 'full' },
      { code: 'NOT_FOUND' },
    );
    await expectRefusal(
      backend,
      'export.notes',
      { meetingId: seeded.meetingId, format: 'pdf', level: 'full' },
      { code: 'VALIDATION' },
    );
  });
});

describe('export.digest', () => {
  it('writes a tag digest in the seed format, anonymized by default', async () => {
    const { teamwork } = seeded.forum.situations;
    await backend.call('situation.tag', { situationId: teamwork.id, name: 'Teamwork' });
    const [tag] = await backend.call('situation.tag', { situationId: seeded.secret.id, name: 'Teamwork' });
    const { content, omittedConfidential } = await backend.call('export.digest', {
      tagId: tag!.id,
      format: 'markdown',
      noun: 'Observations',
    });
    expect(content).toMatch(/^# Tag Archives: Teamwork\n/);
    expect(content).toContain('## How Do You Build Teamwork Across Account Teams? Two Observations');
    expect(content).toContain('Situation: How do you build teamwork across account teams?');
    expect(content).toContain('Advice from the CEOs:\n\n- \\[name\\] should meet every team');
    expect(content).toContain('\n  - Ask \\[name\\] how \\[name\\] Foods did it;');
    expect(omittedConfidential).toBe(1);
  });

  it('credits the presenter when asked, and refuses a digest of both a tag and a selection', async () => {
    const { teamwork, exit } = seeded.forum.situations;
    const { content } = await backend.call('export.digest', {
      situationIds: [exit.id],
      format: 'html',
      level: 'full',
      noun: 'Ideas',
      creditPronoun: 'his',
    });
    expect(content).toContain(
      'Special thanks to Ben Okafor of Ben Okafor Co for his insight and input to this discussion.',
    );
    const uncredited = await backend.call('export.digest', {
      situationIds: [exit.id],
      format: 'markdown',
      level: 'full',
    });
    expect(uncredited.content).not.toContain('Special thanks');
    await expectRefusal(
      backend,
      'export.digest',
      { situationIds: [teamwork.id], tagId: teamwork.id, format: 'html' },
      { code: 'VALIDATION' },
    );
  });

  it('prints a situation’s stored credit in a full digest, before any presenter credit', async () => {
    const { teamwork, exit } = seeded.forum.situations;
    const stored = `Special thanks to ${CREDIT.name} of ${CREDIT.org} for ${CREDIT.pronoun} insight and input to this discussion.`;
    for (const format of ['markdown', 'html'] as const) {
      const { content } = await backend.call('export.digest', {
        situationIds: [teamwork.id],
        format,
        level: 'full',
      });
      expect(content).toContain(stored);
      expect(content.match(/Special thanks/g)).toHaveLength(1);
    }
    // With the chair's creditPronoun, the stored credit still wins; a post without one credits its presenter.
    const { content } = await backend.call('export.digest', {
      situationIds: [teamwork.id, exit.id],
      format: 'markdown',
      level: 'full',
      creditPronoun: 'his',
    });
    expect(content).toContain(stored);
    expect(content).not.toContain('Special thanks to Ana Ruiz');
    expect(content).toContain('Special thanks to Ben Okafor of Ben Okafor Co for his insight');
  });

  it('leaves every credit line out of an anonymized digest, and the credited name and org out of its text', async () => {
    const { teamwork, exit } = seeded.forum.situations;
    for (const format of ['markdown', 'html'] as const) {
      for (const redactCompanies of [false, true]) {
        const { content } = await backend.call('export.digest', {
          situationIds: [teamwork.id, exit.id],
          format,
          level: 'anonymized',
          redactCompanies,
          // Asked for, but an anonymized digest names no one.
          creditPronoun: 'her',
        });
        expect(content).not.toContain('Special thanks');
        expect(content).not.toMatch(/Rosa|Quintero|Ben Okafor|Ana Ruiz/i);
        expect(content).toMatch(/\\?\[name\\?\] did this at/);
        // The credited organization goes whether or not the chair asked to redact companies.
        expect(content).not.toMatch(/Holdings/);
        expect(content).toMatch(/\\?\[name\\?\] did this at \\?\[company\\?\]/);
        expect(content).toMatch(/\\?\[name\\?\] Foods did it;/);
        expect(content).toMatch(
          redactCompanies ? /\\?\[company\\?\] grew too/ : /\\?\[name\\?\] Co grew too/,
        );
      }
    }
  });

  it('names no one anywhere in an anonymized tag digest of companies redacted', async () => {
    const { teamwork } = seeded.forum.situations;
    const [tag] = await backend.call('situation.tag', { situationId: teamwork.id, name: 'Credited' });
    for (const format of ['markdown', 'html'] as const) {
      const { content } = await backend.call('export.digest', {
        tagId: tag!.id,
        format,
        level: 'anonymized',
        redactCompanies: true,
        creditPronoun: 'their',
      });
      expect(namedIn(backend, visibleText(format, content), true), format).toEqual([]);
    }
  });

  it('reports progress per situation for a large export', async () => {
    const { group, members } = seeded.forum;
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const s = await backend.call('situation.create', {
        groupId: group.id,
        presenterId: members.ben.id,
        title: `Question ${i}?`,
      });
      ids.push(s.id);
    }
    backend.events.length = 0;
    await backend.call('export.digest', { situationIds: ids, format: 'markdown' });
    const progress = backend.events.filter((e) => e.name === 'export.progress').map((e) => e.payload);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6].map((done) => ({ done, total: 6 })));
  });
});

/** What a reader sees: HTML's tags and style sheet left out (Chen Li's "Li" is not the <li> tag). */
function visibleText(format: 'markdown' | 'html', content: string): string {
  return format === 'html' ? content.replace(/<style>[^<]*<\/style>/, '').replace(/<[^>]*>/g, ' ') : content;
}
