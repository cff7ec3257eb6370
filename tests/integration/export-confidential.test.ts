// A confidential situation the chair let out stays visibly confidential: labelled in the notes and
// the digest, Markdown and HTML (the PDF is printed from the HTML), and in a pack opened read-only.
// The importer reads the label back as the mark it is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { titleCase } from '../../shared/digest-format';
import type { TestBackend } from './backend-fixture';
import { seedExportMeeting } from './export-fixture';

let backend: TestBackend;
let seeded: Awaited<ReturnType<typeof seedExportMeeting>>;

beforeAll(async () => {
  seeded = await seedExportMeeting();
  backend = seeded.backend;
}, 60_000);
afterAll(() => backend.close());

const LAWSUIT = 'Should I tell my board about the lawsuit?';

describe('a confidential situation in an export', () => {
  it('is labelled in full notes, Markdown and HTML, and the others are not', async () => {
    const markdown = await backend.call('export.notes', {
      meetingId: seeded.meetingId,
      format: 'markdown',
      level: 'full',
      includeConfidential: true,
    });
    expect(markdown.content).toContain(`## 2. ${LAWSUIT}\n\n**Confidential**\n\nPresented by Eve Marsh.`);
    expect(markdown.content.match(/Confidential/g)).toHaveLength(1);
    const html = await backend.call('export.notes', {
      meetingId: seeded.meetingId,
      format: 'html',
      level: 'full',
      includeConfidential: true,
    });
    expect(html.content).toContain(
      `<section>\n<p class="confidential">Confidential</p>\n<h2>2. ${LAWSUIT}</h2>`,
    );
    expect(html.content.match(/<p class="confidential">/g)).toHaveLength(1);
    expect(html.content).toMatch(/\.confidential \{[^}]*border: 2px solid/);
  });

  it('is labelled in a full digest, Markdown and HTML, and the Markdown reads back whole, confidential again', async () => {
    const { teamwork } = seeded.forum.situations;
    const ids = [seeded.secret.id, teamwork.id];
    const markdown = await backend.call('export.digest', {
      situationIds: ids,
      format: 'markdown',
      level: 'full',
      includeConfidential: true,
    });
    expect(markdown.content).toMatch(
      /^\*\*Confidential\*\*\n\n## Should I Tell My Board About the Lawsuit\? One Observation\n/m,
    );
    expect(markdown.content.match(/Confidential/g)).toHaveLength(1);
    const html = await backend.call('export.digest', {
      situationIds: ids,
      format: 'html',
      level: 'full',
      includeConfidential: true,
    });
    expect(html.content).toContain(
      '<article>\n<p class="confidential">Confidential</p>\n<h2>Should I Tell My Board About the Lawsuit? One Observation</h2>',
    );
    expect(html.content.match(/<p class="confidential">/g)).toHaveLength(1);

    const fresh = await backend.call('group.create', { name: 'Elsewhere' });
    const report = await backend.call('import.digest', { groupId: fresh.id, text: markdown.content });
    expect(report.imported).toBe(2);
    expect(report.posts.map((p) => [p.question, p.confidential, p.warnings])).toEqual([
      [titleCase(LAWSUIT), true, []],
      ['How Do You Build Teamwork Across Account Teams?', false, []],
    ]);
    const back = await Promise.all(
      report.situationIds.map(
        async (id) => (await backend.call('situation.get', { id })).situation.confidential,
      ),
    );
    expect(back).toEqual([true, false]);
  });

  it('is labelled in a pack opened read-only', async () => {
    const pack = await backend.call('pack.export', {
      groupId: seeded.forum.group.id,
      passphrase: 'correct horse battery',
      includeConfidential: true,
    });
    const contents = await backend.call('pack.open', {
      data: pack.data,
      passphrase: 'correct horse battery',
    });
    const flags = Object.fromEntries(contents.situations.map((s) => [s.title, s.confidential]));
    expect(flags[LAWSUIT]).toBe(true);
    expect(flags['How do you build teamwork across account teams?']).toBe(false);
  });

  it('never leaves in an anonymized export, whatever is asked', async () => {
    for (const format of ['markdown', 'html'] as const) {
      const notes = await backend.call('export.notes', {
        meetingId: seeded.meetingId,
        format,
        level: 'anonymized',
        includeConfidential: true,
      });
      const digest = await backend.call('export.digest', {
        situationIds: [seeded.secret.id],
        format,
        level: 'anonymized',
        includeConfidential: true,
      });
      for (const { content, omittedConfidential } of [notes, digest]) {
        expect(content).not.toMatch(/lawsuit|Confidential/);
        expect(omittedConfidential).toBe(1);
      }
    }
  });
});
