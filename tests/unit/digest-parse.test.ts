// The digest importer's parser: hand-written posts that vary as real ones do, posts as real pages
// hold them (a heading of their own, typography, a credit as the last bullet, a date under the title,
// character references), Roundtable's own exports read back, and arbitrary text that never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../shared/digest-parse';
import { digestMarkdown, digestPostMarkdown } from '../../electron/services/export/digest-render';
import { situationParagraph, titleCase, type DigestPost } from '../../shared/digest-format';

const SEED = `Some blog chrome above the posts.
Posts Tagged ‘Teamwork’

How Do You Build Teamwork Across Account Teams? Four Observations

Situation:   A CEO is concerned that his account teams don’t work together — each guards its clients. How do you build teamwork across account teams?

Advice from the CEOs:
  • It looks like the company needs to change its account management culture.
    • Schedule meetings with the full account staff
      to share what each team learned.
  • Reward the whole team, not the individual.
  - Rotate people across accounts.
  * Make one person own the client relationship.
Special thanks to Pat Lee of Lee Foods for her insight and input to this discussion.
[like]

Should I Sell Now? Three Ideas
Situation: The offer is good. Should I sell now?
Advice from the CEOs:
- Talk to founders who sold.
- Get a valuation first.

Read the whole thread on our forum.
Posted in Uncategorized | Leave a comment
`;

describe('parseDigest', () => {
  it('reads hand-written posts with typographic marks kept as written, nesting, stray text and a missing credit', () => {
    const { posts, skipped } = parseDigest(SEED);
    expect(skipped).toEqual([]);
    expect(posts).toHaveLength(2);
    const [first, second] = posts;
    expect(first!.question).toBe('How Do You Build Teamwork Across Account Teams?');
    expect(first!.background).toBe(
      'A CEO is concerned that his account teams don’t work together — each guards its clients. How do you build teamwork across account teams?',
    );
    expect(first!.asPosted).toBe(true);
    expect(first!.tags).toEqual(['Teamwork']);
    expect(first!.noun).toBe('Observations');
    expect(first!.points.map((p) => p.text)).toEqual([
      'It looks like the company needs to change its account management culture.',
      'Reward the whole team, not the individual.',
      'Rotate people across accounts.',
      'Make one person own the client relationship.',
    ]);
    expect(first!.points[0]!.points[0]!.text).toBe(
      'Schedule meetings with the full account staff to share what each team learned.',
    );
    expect(first!.credit).toEqual({ name: 'Pat Lee', org: 'Lee Foods', pronoun: 'her' });
    expect(first!.warnings).toEqual([]);
    // "Three" disagrees with two bullets: imported, with a warning; the trailing text is left out
    // with a warning, the page's "Posted in … | Leave a comment" silently.
    expect(second!.points).toHaveLength(2);
    expect(second!.credit).toBeNull();
    expect(second!.warnings).toEqual([
      'The title counts Three (3), but there are 2 top-level advice points.',
      '1 line of text after the advice left out.',
    ]);
  });

  it('skips, with a reason, a post without a count title, and reads one without advice as such', () => {
    const { posts, skipped } = parseDigest(
      'Just a heading\nSituation: Something? \nAdvice from the CEOs:\n- a\n[like]\nWhat Now? Two Ways\nSituation: What now?\n',
    );
    expect(skipped.map((s) => s.reason)).toEqual([expect.stringMatching(/count word and a noun/)]);
    expect(posts).toEqual([
      expect.objectContaining({
        question: 'What Now?',
        background: 'What now?',
        points: [],
        withoutAdvice: true,
        warnings: ['It has no "Advice from the CEOs:" section.'],
      }),
    ]);
  });

  it('reads its own Markdown export back as it was written: headings, paragraphs, trees, credits and tags', () => {
    const posts: DigestPost[] = [
      {
        question: 'How do we price a *new* service?',
        background: 'Margins are thin [really] <b>thin</b>.',
        noun: 'Ways',
        points: [
          {
            text: '- Start # high',
            points: [{ text: 'Then discount_later', points: [{ text: 'deep', points: [] }] }],
          },
          { text: '1. Ask customers', points: [] },
        ],
        credit: { name: 'Sam Ortiz', org: 'Ortiz & Sons', pronoun: 'his' },
      },
    ];
    const markdown = digestMarkdown({ tag: 'Pricing', posts, notice: null });
    const { posts: back } = parseDigest(markdown);
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({
      ...posts[0],
      question: 'How Do We Price a *New* Service?',
      background: 'Margins are thin [really] <b>thin</b>. How do we price a *new* service?',
      asPosted: true,
      tags: ['Pricing'],
      warnings: [],
    });
    // Written again, it is the same Markdown, byte for byte.
    expect(digestMarkdown({ tag: 'Pricing', posts: back, notice: null })).toBe(markdown);
  });

  it('never throws on arbitrary text, and returns only well-formed posts', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc
            .array(
              fc.constantFrom(
                'Situation: x?',
                'Advice from the CEOs:',
                '  • a',
                '    - b',
                '[like]',
                'Q? Two Ideas',
                'Tag Archives: T',
                '',
                'text',
              ),
              { maxLength: 40 },
            )
            .map((lines) => lines.join('\n')),
        ),
        (text) => {
          const { posts, skipped } = parseDigest(text);
          for (const post of posts) {
            expect(post.question.length).toBeGreaterThan(0);
            // Advice, or a post that says it has none: marked, or counting 0.
            if (!post.withoutAdvice && !/ 0 \w+$/.test(post.title)) {
              expect(post.points.length).toBeGreaterThan(0);
            }
            if (post.withoutAdvice) expect(post.warnings.length).toBeGreaterThan(0);
          }
          for (const skip of skipped) expect(skip.reason.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});

// Posts as real "Advice from the CEOs" pages hold them; each of these was once read wrong or not at all.
describe('parseDigest: posts as real pages hold them', () => {
  const PRICING = [
    'How Do You Price a Second Product Line? Five Ideas',
    '',
    'Situation: A CEO’s bakery sells one line of bread to grocers. A second line — organic, “premium” — is ready, and the grocers want a price by Friday… From your experience, how do you price it?',
    '',
    'Advice from the CEOs:',
    '• Price from the value to the grocer, not from your costs.',
    '• Ask three grocers what they would pay, then add 10%.',
    '• Don’t discount the launch; give samples instead.',
    '• Keep the new line’s margin apart in your books.',
    '• Raise the first line’s price a little at the same time.',
    '• Special thanks to Ana Ruiz of Ruiz Foods (http://ruizfoods.example) for her insight and input to this discussion.',
  ].join('\n');

  it('takes the post’s heading as its title, in its own capitals, and the whole Situation paragraph as the background', () => {
    const { posts, skipped } = parseDigest(PRICING);
    expect(skipped).toEqual([]);
    expect(posts[0]).toMatchObject({
      question: 'How Do You Price a Second Product Line?',
      background:
        'A CEO’s bakery sells one line of bread to grocers. A second line — organic, “premium” — is ready, and the grocers want a price by Friday… From your experience, how do you price it?',
      noun: 'Ideas',
      asPosted: true,
    });
    // A heading in lower case is the post's too: only the count phrase comes off.
    const lower = parseDigest(
      'how to hire a CFO, and when? Three thoughts\nSituation: We are at $20m. When do we hire?\nAdvice from the CEOs:\n- Now.\n- Later.\n- Never.\n',
    );
    expect(lower.posts[0]).toMatchObject({
      question: 'how to hire a CFO, and when?',
      background: 'We are at $20m. When do we hire?',
      noun: 'Thoughts',
    });
  });

  it('reads a credit given as the last bullet as the credit, without its address, in its own words', () => {
    const [post] = parseDigest(PRICING).posts;
    expect(post!.points.map((p) => p.text)).toEqual([
      'Price from the value to the grocer, not from your costs.',
      'Ask three grocers what they would pay, then add 10%.',
      'Don’t discount the launch; give samples instead.',
      'Keep the new line’s margin apart in your books.',
      'Raise the first line’s price a little at the same time.',
    ]);
    // "Five" counts what is left, so no warning.
    expect(post!.warnings).toEqual([]);
    expect(post!.credit).toEqual({
      name: 'Ana Ruiz',
      org: 'Ruiz Foods',
      pronoun: 'her',
      text: 'Special thanks to Ana Ruiz of Ruiz Foods (http://ruizfoods.example) for her insight and input to this discussion.',
      bullet: true,
    });
    // A closing line keeps its sentence too; one Roundtable would write the same keeps none.
    const closing = (line: string) =>
      parseDigest(
        `Should I Sell? One Idea\nSituation: Should I sell?\nAdvice from the CEOs:\n- Wait.\n${line}\n`,
      ).posts[0]!.credit;
    expect(
      closing('Special thanks to Sam Ortiz of Ortiz Metals, www.ortizmetals.example, for his situation.'),
    ).toEqual({
      name: 'Sam Ortiz',
      org: 'Ortiz Metals',
      pronoun: 'his',
      text: 'Special thanks to Sam Ortiz of Ortiz Metals, www.ortizmetals.example, for his situation.',
    });
    expect(
      closing('Special thanks to Sam Ortiz of Ortiz Metals for his insight and input to this discussion.'),
    ).toEqual({ name: 'Sam Ortiz', org: 'Ortiz Metals', pronoun: 'his' });
  });

  it('reads a last bullet the title counts as advice, however it reads', () => {
    const { posts } = parseDigest(
      'Whom Do I Thank? Two Ideas\nSituation: Whom do I thank?\nAdvice from the CEOs:\n- The team.\n- Special thanks to nobody of nowhere for their insight.\n',
    );
    expect(posts[0]!.points.map((p) => p.text)).toEqual([
      'The team.',
      'Special thanks to nobody of nowhere for their insight.',
    ]);
    expect(posts[0]!.credit).toBeNull();
  });

  it('keeps curly quotes, apostrophes, dashes, ellipses and non-breaking spaces as they came', () => {
    const { posts } = parseDigest(
      [
        'Posts Tagged ‘CEO’s Role’',
        'What’s a CEO’s “Real” Job – Strategy or People? Two Observations',
        'Situation: She’s 55\u00A0years old… and tired — of “strategy”.',
        'Advice from the CEOs:',
        '– People, then strategy.',
        '— “Both” isn’t an answer.',
        'Special thanks to Mary-Jane O’Neil of O’Neil & Sons — Austin for her insight and input to this discussion.',
      ].join('\n'),
    );
    expect(posts[0]).toMatchObject({
      tags: ['CEO’s Role'],
      question: 'What’s a CEO’s “Real” Job – Strategy or People?',
      background: 'She’s 55\u00A0years old… and tired — of “strategy”.',
      points: [
        { text: 'People, then strategy.', points: [] },
        { text: '“Both” isn’t an answer.', points: [] },
      ],
      credit: { name: 'Mary-Jane O’Neil', org: 'O’Neil & Sons — Austin', pronoun: 'her' },
      warnings: [],
    });
  });

  it('decodes the character references of a page saved as text, but not an escaped one', () => {
    const { posts } = parseDigest(
      [
        'Should I Buy Out My Partner&#8217;s Share? One Thought',
        'Situation: R&amp;D is 40%&nbsp;of costs &mdash; and my partner&#x2019;s &#147;done&#148;&hellip; Should I buy him out?',
        'Advice from the CEOs:',
        '&bull; Value it first &amp; talk second; a literal \\&amp; stays.',
      ].join('\n'),
    );
    expect(posts[0]).toMatchObject({
      question: 'Should I Buy Out My Partner’s Share?',
      background: 'R&D is 40%\u00A0of costs — and my partner’s “done”… Should I buy him out?',
      points: [{ text: 'Value it first & talk second; a literal &amp; stays.', points: [] }],
    });
  });

  it('reads past a date or byline under the title and the page’s comment and like lines', () => {
    const page = [
      'Forum Notes — the blog',
      '',
      'How Do I Keep My Best Plant Manager? Two Thoughts',
      'June 3, 2011 by admin',
      'Posted in Leadership',
      '',
      'Situation: She got a better offer. How do I keep her?',
      'Advice from the CEOs:',
      '• Ask her what she wants next.',
      '• Match only what you would pay anyway.',
      '',
      'Posted in Leadership | Leave a comment',
      '[Like]',
      'Should I Open a Second Plant? One Idea',
      'Posted on March 4, 2012',
      'By Pat Lee',
      'Situation: Demand doubled. Should I open a second plant?',
      'Advice from the CEOs:',
      '• Run the first one at 90% for a year first.',
      '3 Comments',
      'Like this:',
      'Like Loading...',
      '',
      'When Do I Hire a CFO? One Way',
      '12/05/2013 · Leave a comment',
      'Situation: When do I hire a CFO?',
      'Advice from the CEOs:',
      '• When the bank asks who closes the books.',
      'Leave a comment',
    ].join('\n');
    const { posts, skipped } = parseDigest(page);
    expect(skipped).toEqual([]);
    expect(posts.map((p) => [p.question, p.points.length, p.warnings])).toEqual([
      ['How Do I Keep My Best Plant Manager?', 2, []],
      ['Should I Open a Second Plant?', 1, []],
      ['When Do I Hire a CFO?', 1, []],
    ]);
  });

  it('reads the "Confidential" label a full digest gives a post, and no other line, as its mark', () => {
    const { posts } = parseDigest(
      [
        'Should I Sell? One Idea',
        'Situation: Should I sell?',
        'Advice from the CEOs:',
        '- Wait.',
        '[like]',
        '**Confidential**',
        '',
        '## Should I Tell the Board? One Idea',
        'Situation: Should I tell the board?',
        'Advice from the CEOs:',
        '- Tell the chair first.',
      ].join('\n'),
    );
    expect(posts.map((p) => [p.question, p.confidential, p.warnings])).toEqual([
      ['Should I Sell?', false, []],
      ['Should I Tell the Board?', true, []],
    ]);
  });

  it('reads a post without advice as one, with a warning, and what follows its paragraph as text left out', () => {
    const { posts } = parseDigest(
      'Should I Move? Two Ideas\nSituation: The lease ends in May. Should I move?\n\nWe will post the advice next week.\nLeave a comment\n',
    );
    expect(posts[0]).toMatchObject({
      question: 'Should I Move?',
      background: 'The lease ends in May. Should I move?',
      points: [],
      withoutAdvice: true,
      warnings: [
        'It has no "Advice from the CEOs:" section.',
        '1 line of text after the situation left out.',
      ],
    });
  });

  it('reads advice whose bullets or indentation were lost, and says its nesting may be lost', () => {
    const post = (advice: string[]) =>
      parseDigest(
        ['Should I Move? Three Ideas', 'Situation: Should I move?', 'Advice from the CEOs:', ...advice].join(
          '\n',
        ),
      ).posts[0]!;
    // Lines without a bullet: each one a point.
    const plainLines = post([
      'Stay until the lease ends.',
      'Ask the landlord for a year.',
      'Move the team first.',
    ]);
    expect(plainLines.points.map((p) => p.text)).toEqual([
      'Stay until the lease ends.',
      'Ask the landlord for a year.',
      'Move the team first.',
    ]);
    expect(plainLines.warnings).toEqual([
      'Nesting may be lost: 3 advice points (“Stay until the lease ends.” and 2 more) have no bullet of their own, so they are read at the level of the point above.',
    ]);
    // A line without a bullet between bullets is a point beside the one above it, not the end.
    const between = post([
      '• Stay until the lease ends.',
      '  ◦ Ask for a year.',
      'Then ask for two.',
      '• Move the team first.',
    ]);
    expect(between.points).toEqual([
      {
        text: 'Stay until the lease ends.',
        points: [
          { text: 'Ask for a year.', points: [] },
          { text: 'Then ask for two.', points: [] },
        ],
      },
      { text: 'Move the team first.', points: [] },
    ]);
    expect(between.warnings).toEqual([
      'The title counts Three (3), but there are 2 top-level advice points.',
      'Nesting may be lost: 1 advice point (“Then ask for two.”) has no bullet of its own, so it is read at the level of the point above.',
    ]);
    // A sub-point's mark at the indentation of the point above: flattened.
    const flat = post([
      '• Stay until the lease ends.',
      '◦ Ask for a year.',
      '◦ Or two.',
      '• Move the team first.',
    ]);
    expect(flat.points.map((p) => p.text)).toEqual([
      'Stay until the lease ends.',
      'Ask for a year.',
      'Or two.',
      'Move the team first.',
    ]);
    expect(flat.warnings).toEqual([
      'The title counts Three (3), but there are 4 top-level advice points.',
      'Nesting may be lost: 2 advice points (“Ask for a year.” and 1 more) marked as sub-points stand at the same indentation as the point above.',
    ]);
    // Nested as written: no warning.
    expect(post(['• Stay.', '  ◦ Ask for a year.', '• Move.', '• Wait.']).warnings).toEqual([]);
  });

  it('finds no post in a blog article or a book review', () => {
    for (const text of [
      'Ten Lessons From a Year of Forums\nPosted on June 3, 2011 by admin\nOur members met twelve times. Situation rooms are overrated.\n',
      'Book review: Good to Great, Two Stars\nThe situation is this: Collins argues that great companies…\n',
    ]) {
      expect(parseDigest(text)).toEqual({ posts: [], skipped: [] });
    }
  });
});

// Each of these was found by the digest round trip (tests/integration/digest-round-trip.test.ts).
describe('parseDigest: what the round trip found', () => {
  const post = (over: Partial<DigestPost>): DigestPost => ({
    question: 'Should I sell?',
    background: 'We grew.',
    noun: 'Ideas',
    points: [{ text: 'Get a valuation.', points: [] }],
    credit: null,
    ...over,
  });
  const readBack = (posts: DigestPost[], tag: string | null = null) =>
    parseDigest(digestMarkdown({ tag, posts, notice: null }));

  it('takes the export’s Markdown escapes off once: backslashes and a leading "+" survive everywhere', () => {
    const written = post({
      question: 'Should we back up to C:\\ or the cloud?',
      background: '+ 5% is the plan. The files live in C:\\Finance\\*.xlsx.',
      points: [{ text: '+ 5% price rise, in writing.', points: [{ text: 'Keep C:\\Board', points: [] }] }],
      credit: { name: 'Ann Lee', org: 'R\\D Labs', pronoun: 'her' },
    });
    const { posts } = readBack([written], 'R\\D');
    // One point: the title says "One Idea", so that is the noun read back.
    expect(posts[0]).toMatchObject({
      ...written,
      question: titleCase(written.question),
      background: situationParagraph(written),
      noun: 'Idea',
      tags: ['R\\D'],
      warnings: [],
    });
    // A wrapped line of a hand-written point is unescaped once too.
    const { posts: wrapped } = parseDigest(
      'Q? One Idea\nSituation: Q?\nAdvice from the CEOs:\n- Keep it in\n  C:\\\\Finance, not \\*.tmp\n',
    );
    expect(wrapped[0]!.points[0]!.text).toBe('Keep it in C:\\Finance, not *.tmp');
  });

  it('reads a one-letter noun, as export.digest allows one', () => {
    const { posts, skipped } = readBack([post({ noun: 'X' })]);
    expect(skipped).toEqual([]);
    expect(posts[0]!.noun).toBe('X');
  });

  it('keeps quotes inside a tag’s name and drops only a pair around all of it', () => {
    expect(readBack([post({})], 'CEO\'s "role"').posts[0]!.tags).toEqual(['CEO\'s "role"']);
    expect(parseDigest(`Tag Archives: 'Teamwork'\n${digestPostMarkdown(post({}))}`).posts[0]!.tags).toEqual([
      'Teamwork',
    ]);
  });

  it('keeps an organization’s final period before "for his/her/their"; without one, it ends the sentence', () => {
    const credit = { name: 'Ann Lee', org: 'Acme Inc.', pronoun: 'her' } as const;
    expect(readBack([post({ credit })]).posts[0]!.credit).toEqual(credit);
    const thanks = (line: string) =>
      parseDigest(`Q? One Idea\nSituation: Q?\nAdvice from the CEOs:\n- a\n${line}\n`).posts[0]!.credit;
    // The sentence is kept as written wherever it is not the one Roundtable writes.
    expect(thanks('Special thanks to Ann Lee of Acme Inc.')).toEqual({
      ...credit,
      org: 'Acme Inc',
      pronoun: 'their',
      text: 'Special thanks to Ann Lee of Acme Inc.',
    });
    // Decided: the first " of " ends the name, the first " for his/her/their" ends the organization.
    expect(thanks('Special thanks to Mary of Teck of Bank of America for her insight.')).toEqual({
      name: 'Mary',
      org: 'Teck of Bank of America',
      pronoun: 'her',
      text: 'Special thanks to Mary of Teck of Bank of America for her insight.',
    });
  });

  it('reads back a situation without advice, which the export counts as 0, as a post like any other', () => {
    const { posts, skipped } = readBack([post({ points: [] })]);
    expect(skipped).toEqual([]);
    expect(posts[0]).toMatchObject({
      question: 'Should I Sell?',
      points: [],
      warnings: [],
      withoutAdvice: false,
    });
    // A count of advice over an empty section is advice the post lost.
    const promised = parseDigest('Q? Two Ideas\nSituation: Q?\nAdvice from the CEOs:\n\n[like]\n');
    expect(promised.posts[0]).toMatchObject({
      points: [],
      withoutAdvice: true,
      warnings: ['Its "Advice from the CEOs:" section has no advice in it.'],
    });
  });

  it('reads a title that begins "Situation:" or "Tag Archives:" as the title it is, not a situation or a tag', () => {
    const questions = ['Situation: what now?', 'Tag archives: should we blog our wins?'];
    const { posts, skipped } = readBack(
      questions.map((question) => post({ question })),
      'Teamwork',
    );
    expect(skipped).toEqual([]);
    expect(posts.map((p) => [p.question, p.background, p.tags])).toEqual(
      questions.map((q) => [titleCase(q), `We grew. ${q}`, ['Teamwork']]),
    );
  });

  it('keeps a heading and a paragraph whose letters lengthen in lower case ("İ") as written', () => {
    for (const written of [
      post({ question: 'Should I open an office in İstanbul?', background: 'Why? Costs.' }),
      post({ question: 'İstanbul or Ankara?', background: 'Why? Costs' }),
    ]) {
      const markdown = digestMarkdown({ tag: null, posts: [written], notice: null });
      const back = parseDigest(markdown).posts;
      expect(back[0]).toMatchObject({
        question: titleCase(written.question),
        background: situationParagraph(written),
      });
      expect(digestMarkdown({ tag: null, posts: back, notice: null })).toBe(markdown);
    }
  });
});

// Each input here once took from half a minute to several minutes, re-read by a pattern or a fold
// once per character or per line; read once, it takes milliseconds. The timeout is the backstop: a
// timed assertion would only measure the machine.
describe('parseDigest: linear in its input', () => {
  const HANG = 10_000;
  const paragraph = 'the board keeps asking for growth while the margins shrink and '.repeat(5_100).trim();
  const post = (situation: string, advice: string[]) =>
    [
      'What Do I Tell the Board? One Idea',
      `Situation: ${situation}`,
      'Advice from the CEOs:',
      ...advice,
    ].join('\n');

  it(
    'reads a 320,000-character situation as the background, under the title’s question',
    () => {
      expect(paragraph.length).toBeGreaterThan(320_000);
      for (const situation of [paragraph, `Why now? ${paragraph}`, `${paragraph} what do I tell them?`]) {
        const { posts, skipped } = parseDigest(post(situation, ['- Say it plainly.']));
        expect(skipped).toEqual([]);
        expect(posts[0]).toMatchObject({
          question: 'What Do I Tell the Board?',
          background: situation,
          points: [{ text: 'Say it plainly.', points: [] }],
          warnings: [],
        });
      }
    },
    HANG,
  );

  it(
    'folds a bullet continued over 1.6 MB of indented lines into one point, and reads the bullet after it',
    () => {
      const continued = 'and the next step of the plan is written down here';
      const lines = Array<string>(30_000).fill(`    ${continued}`);
      expect(lines.join('\n').length).toBeGreaterThan(1_600_000);
      const { posts } = parseDigest(
        post('What do I tell the board?', ['  • Write it down', ...lines, '  • Then read it out.']),
      );
      expect(posts[0]!.points).toEqual([
        { text: ['Write it down', ...Array<string>(30_000).fill(continued)].join(' '), points: [] },
        { text: 'Then read it out.', points: [] },
      ]);
    },
    HANG,
  );

  it(
    'reads lines with a run of 200,000 spaces inside as if it were one',
    () => {
      const run = ' '.repeat(200_000);
      const { posts } = parseDigest(
        post(`We grew.${run}What do I tell the board?`, [`  •${run}Ask${run}why.`]),
      );
      expect(posts[0]).toMatchObject({
        question: 'What Do I Tell the Board?',
        background: 'We grew. What do I tell the board?',
        points: [{ text: 'Ask why.', points: [] }],
      });
    },
    HANG,
  );

  it('reads a line separator (U+2028, U+2029) inside a line as the space oneLine makes of it', () => {
    const { posts, skipped } = parseDigest(
      'Should I Sell? One Idea\nSituation: We grew.\u2028Should I sell?\nAdvice from the CEOs:\u2029\n- Get a\u2028valuation.\nSpecial thanks to Ann Lee\u2029of Acme for her help.\n',
    );
    expect(skipped).toEqual([]);
    expect(posts[0]).toMatchObject({
      question: 'Should I Sell?',
      background: 'We grew. Should I sell?',
      points: [{ text: 'Get a valuation.', points: [] }],
      credit: {
        name: 'Ann Lee',
        org: 'Acme',
        pronoun: 'her',
        text: 'Special thanks to Ann Lee of Acme for her help.',
      },
    });
  });

  it(
    'reads a line separator after a run of 200,000 spaces in every kind of line',
    () => {
      const run = ' '.repeat(200_000);
      const { posts } = parseDigest(
        [
          `Tag Archives:${run}Exit\u2028plans`,
          'Should I Sell? One Idea',
          `Situation:${run}We grew.\u2028Should I sell?`,
          `Advice from the CEOs${run}:\u2029`,
          `-${run}Get a\u2028valuation.`,
          `Special thanks to Ann Lee of Acme${run}\u2028.`,
        ].join('\n'),
      );
      expect(posts[0]).toMatchObject({
        tags: ['Exit plans'],
        question: 'Should I Sell?',
        background: 'We grew. Should I sell?',
        points: [{ text: 'Get a valuation.', points: [] }],
        credit: {
          name: 'Ann Lee',
          org: 'Acme',
          pronoun: 'their',
          text: 'Special thanks to Ann Lee of Acme .',
        },
      });
    },
    HANG,
  );

  it(
    'reads a credit line the same whatever the length of its runs of spaces',
    () => {
      const creditOf = (line: string) =>
        parseDigest(`Q? One Idea\nSituation: Q?\nAdvice from the CEOs:\n- a\n${line}\n`).posts[0]?.credit;
      // Three spaces can make a name of spaces only (" to", a space, "of "); no more than three can.
      const part = fc.constantFrom(
        'Special',
        'thanks',
        'to',
        'Ann',
        'Lee',
        'of',
        'Acme',
        'for',
        'her',
        '.',
        '!',
      );
      const space = fc.constantFrom('   ', '    ', ' \t ');
      fc.assert(
        fc.property(
          fc.array(fc.tuple(space, part), { maxLength: 12 }),
          fc.integer({ min: 1, max: 40 }),
          (parts, wider) => {
            const line = `Special thanks to${parts.map(([s, p]) => s + p).join('')}`;
            expect(creditOf(line.replace(/\s+/g, (s) => s + ' '.repeat(wider)))).toEqual(creditOf(line));
          },
        ),
        { numRuns: 500 },
      );
      const run = ' '.repeat(100_000);
      expect(
        creditOf(`Special thanks to${run}Ann Lee${run}of Lee Foods${run}. Really${run}for her help.`),
      ).toEqual({
        name: 'Ann Lee',
        org: 'Lee Foods . Really',
        pronoun: 'her',
        text: 'Special thanks to Ann Lee of Lee Foods . Really for her help.',
      });
      expect(creditOf(`Special thanks to Ann Lee of Lee Foods${run}. Really.`)).toEqual({
        name: 'Ann Lee',
        org: 'Lee Foods . Really',
        pronoun: 'their',
        text: 'Special thanks to Ann Lee of Lee Foods . Really.',
      });
    },
    HANG,
  );
});
