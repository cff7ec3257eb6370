// Which situations a digest holds and how its posts are laid out: a post is its advice (none without,
// unless the chair asks), a selection keeps its tags in forms the importer reads back, "[like]"
// separates posts in the Markdown only, and an anonymized digest keeps every ordinary word.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from './backend-fixture';

let backend: TestBackend;
let groupId: string;
let dean: string;
let ana: string;

beforeAll(async () => {
  backend = await openTestBackend();
  groupId = (await backend.call('group.create', { name: 'Forum 7' })).id;
  dean = (await backend.call('member.create', { groupId, name: 'Dean Lane', company: 'Summit Partners LLC' }))
    .id;
  ana = (await backend.call('member.create', { groupId, name: 'Ana Ruiz', company: 'Ruiz Foods' })).id;
});
afterAll(() => backend.close());

async function situation(title: string, advice: string[], tags: string[] = []) {
  const s = await backend.call('situation.create', { groupId, presenterId: ana, title });
  for (const body of advice) {
    await backend.call('contribution.add', { situationId: s.id, authorId: dean, kind: 'advice', body });
  }
  for (const name of tags) await backend.call('situation.tag', { situationId: s.id, name });
  return s.id;
}

describe('a digest’s posts', () => {
  it('leave out a situation without advice, unless the chair asks for it', async () => {
    const hire = await situation('Should I hire a CFO?', ['Use a retained search firm.']);
    const coo = await situation('When is the right time to hire a COO?', []);
    const question = await situation('Should I move the plant?', []);
    await backend.call('contribution.add', {
      situationId: question,
      authorId: dean,
      kind: 'question',
      body: 'How far would it move?',
    });
    for (const format of ['markdown', 'html'] as const) {
      const left = await backend.call('export.digest', {
        situationIds: [hire, coo, question],
        format,
        level: 'full',
      });
      expect(left).toMatchObject({
        situationCount: 1,
        omittedWithoutAdvice: 2,
        omittedConfidential: 0,
        notice: '2 situations without advice left out.',
      });
      expect(left.content).toContain('Should I Hire a CFO? One Observation');
      expect(left.content).not.toMatch(/COO|move the plant|0 Observations|without advice/);
    }
    const asked = await backend.call('export.digest', {
      situationIds: [hire, coo],
      format: 'markdown',
      level: 'full',
      includeWithoutAdvice: true,
    });
    expect(asked).toMatchObject({ situationCount: 2, omittedWithoutAdvice: 0, notice: null });
    expect(asked.content).toContain('## When Is the Right Time to Hire a COO? 0 Observations');
    // A tag's digest leaves them out too.
    const [tag] = await backend.call('situation.tag', { situationId: coo, name: 'Hiring' });
    await backend.call('situation.tag', { situationId: hire, name: 'Hiring' });
    const tagged = await backend.call('export.digest', { tagId: tag!.id, format: 'markdown' });
    expect(tagged).toMatchObject({ situationCount: 1, omittedWithoutAdvice: 1 });
  });

  it('are separated by "[like]" in Markdown, and by a rule in HTML', async () => {
    const a = await situation('Should I raise prices?', ['Raise them in writing.']);
    const b = await situation('Should I open an office abroad?', ['Hire locally first.']);
    const markdown = await backend.call('export.digest', { situationIds: [a, b], format: 'markdown' });
    expect(markdown.content).toMatch(/Raise them in writing\.\n\n\[like\]\n\n## Should I Open/);
    const html = await backend.call('export.digest', { situationIds: [a, b], format: 'html' });
    expect(html.content).not.toContain('[like]');
    expect(html.content).toMatch(/<\/article>\n<hr>\n<article>/);
  });

  it('of a selection keep their tags, and an import reads them back', async () => {
    const both = await situation('Should I split the sales team?', ['Split by region.'], ['Sales', 'Alpha']);
    const none = await situation('Should I sell the building?', ['Lease it back.']);
    const sales = await situation('Should I pay sales on margin?', ['Pay on margin.'], ['Sales']);
    const { content } = await backend.call('export.digest', {
      situationIds: [both, none, sales],
      format: 'markdown',
      level: 'full',
    });
    // Untagged posts first, then each tag's posts under its heading, by name.
    const headings = content.split('\n').filter((l) => /^# |^## /.test(l));
    expect(headings).toEqual([
      '## Should I Sell the Building? One Observation',
      '# Tag Archives: Alpha',
      '## Should I Split the Sales Team? One Observation',
      '# Tag Archives: Sales',
      '## Should I Split the Sales Team? One Observation',
      '## Should I Pay Sales on Margin? One Observation',
    ]);
    const fresh = await backend.call('group.create', { name: 'Forum 7, again' });
    const report = await backend.call('import.digest', { groupId: fresh.id, text: content });
    expect(report).toMatchObject({ imported: 3, skipped: 1 });
    const back = await Promise.all(
      report.situationIds.map(async (id) => {
        const thread = await backend.call('situation.get', { id });
        return [thread.situation.title, thread.tags.map((t) => t.name).sort()];
      }),
    );
    expect(back).toEqual([
      ['Should I Sell the Building?', []],
      ['Should I Split the Sales Team?', ['Alpha', 'Sales']],
      ['Should I Pay Sales on Margin?', ['Sales']],
    ]);
    // The HTML shows each post once, in the selection's order, with its tags.
    const html = await backend.call('export.digest', {
      situationIds: [both, none, sales],
      format: 'html',
      level: 'full',
    });
    expect(html.content.match(/<h2>[^<]*<\/h2>/g)).toEqual([
      '<h2>Should I Split the Sales Team? One Observation</h2>',
      '<h2>Should I Sell the Building? One Observation</h2>',
      '<h2>Should I Pay Sales on Margin? One Observation</h2>',
    ]);
    expect(html.content).toContain('<p class="meta">Tags: Alpha, Sales</p>');
  });

  it('anonymized, keep the ordinary words that match a part of a name, and the importer’s “Imported”', async () => {
    // An imported post brings the group's digest voice, named "Imported", into the archive.
    await backend.call('import.digest', {
      groupId,
      text: 'Should I Import? One Idea\nSituation: Should I import?\nAdvice from the CEOs:\n- Import slowly.\n',
    });
    const id = await situation(
      'Should I stay in my lane, or ask the dean?',
      [
        'Stay in your lane and ask the dean; imported goods cost more. Imported parts too.',
        'Dean said so, and DEAN LANE agrees: Lane has done it at Summit Partners.',
      ],
      ['lane changes'],
    );
    for (const format of ['markdown', 'html'] as const) {
      const { content } = await backend.call('export.digest', {
        situationIds: [id],
        format,
        level: 'anonymized',
        redactCompanies: true,
      });
      const text = format === 'markdown' ? content.replace(/\\/g, '') : content;
      expect(text).toContain('Should I stay in my lane, or ask the dean?');
      expect(text).toContain(
        'Stay in your lane and ask the dean; imported goods cost more. Imported parts too.',
      );
      expect(text).toContain('[name] said so, and [name] agrees: [name] has done it at [company].');
      expect(text).toContain('lane changes');
      expect(text).toContain('Should I Stay in My Lane, or Ask the Dean? Two Observations');
      // Past the title (title case capitalizes every word), no capital "Dean" or "Lane" is left.
      const untitled = text.replace(/^## .*$/gm, '').replace(/<h2>.*<\/h2>/g, '');
      expect(untitled).not.toMatch(/Dean|Lane|Summit|\[name\] goods|\[name\] parts/);
    }
  });
});
