// The digest importer's parser: hand-written posts that vary as real ones do, Roundtable's own
// exports read back, and arbitrary text that never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../shared/digest-parse';
import { digestMarkdown, digestPostMarkdown } from '../../electron/services/export/digest-render';
import type { DigestPost } from '../../shared/digest-format';

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

Posted in Uncategorized | Leave a comment
`;

describe('parseDigest', () => {
  it('reads hand-written posts with typographic marks, nesting, stray text and a missing credit', () => {
    const { posts, skipped } = parseDigest(SEED);
    expect(skipped).toEqual([]);
    expect(posts).toHaveLength(2);
    const [first, second] = posts;
    expect(first!.question).toBe('How do you build teamwork across account teams?');
    expect(first!.background).toBe(
      "A CEO is concerned that his account teams don't work together - each guards its clients.",
    );
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
    // "Three" disagrees with two bullets: imported, with a warning; the trailing chrome is left out.
    expect(second!.points).toHaveLength(2);
    expect(second!.credit).toBeNull();
    expect(second!.warnings.join(' ')).toMatch(/counts Three \(3\), but there are 2/);
    expect(second!.warnings.join(' ')).toMatch(/1 line of text after the advice left out/);
  });

  it('skips, with a reason, a post without a count title or without advice', () => {
    const { posts, skipped } = parseDigest(
      'Just a heading\nSituation: Something? \nAdvice from the CEOs:\n- a\n[like]\nWhat Now? Two Ways\nSituation: What now?\n',
    );
    expect(posts).toEqual([]);
    expect(skipped.map((s) => s.reason)).toEqual([
      expect.stringMatching(/count word and a noun/),
      expect.stringMatching(/no "Advice from the CEOs:"/),
    ]);
  });

  it('reads its own Markdown export back: questions, backgrounds, trees, credits and tags', () => {
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
    const { posts: back } = parseDigest(digestMarkdown({ tag: 'Pricing', posts, notice: null }));
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({ ...posts[0], tags: ['Pricing'], warnings: [] });
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
            expect(post.points.length).toBeGreaterThan(0);
          }
          for (const skip of skipped) expect(skip.reason.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
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
    expect(posts[0]).toMatchObject({ ...written, noun: 'Idea', tags: ['R\\D'], warnings: [] });
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
    expect(thanks('Special thanks to Ann Lee of Acme Inc.')).toEqual({
      ...credit,
      org: 'Acme Inc',
      pronoun: 'their',
    });
    // Decided: the first " of " ends the name, the first " for his/her/their" ends the organization.
    expect(thanks('Special thanks to Mary of Teck of Bank of America for her insight.')).toEqual({
      name: 'Mary',
      org: 'Teck of Bank of America',
      pronoun: 'her',
    });
  });

  it('reads back a situation without advice, which the export counts as 0; a count of advice with no bullets is still skipped', () => {
    const { posts, skipped } = readBack([post({ points: [] })]);
    expect(skipped).toEqual([]);
    expect(posts[0]).toMatchObject({ question: 'Should I sell?', points: [], warnings: [] });
    const promised = parseDigest('Q? Two Ideas\nSituation: Q?\nAdvice from the CEOs:\nAsk around.\n');
    expect(promised.skipped.map((s) => s.reason)).toEqual(['Its advice section has no bullets.']);
  });

  it('reads a title that begins "Situation:" or "Tag Archives:" as the title it is, not a situation or a tag', () => {
    const questions = ['Situation: what now?', 'Tag archives: should we blog our wins?'];
    const { posts, skipped } = readBack(
      questions.map((question) => post({ question })),
      'Teamwork',
    );
    expect(skipped).toEqual([]);
    expect(posts.map((p) => [p.question, p.background, p.tags])).toEqual(
      questions.map((q) => [q, 'We grew.', ['Teamwork']]),
    );
  });

  it('finds a question whose letters lengthen in lower case ("İ") at the end of the situation', () => {
    const written = post({ question: 'Should I open an office in İstanbul?', background: 'Why? Costs.' });
    expect(readBack([written]).posts[0]).toMatchObject({
      question: written.question,
      background: written.background,
    });
    const first = post({ question: 'İstanbul or Ankara?', background: 'Why? Costs' });
    expect(readBack([first]).posts[0]).toMatchObject({ question: first.question, background: 'Why? Costs' });
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
    'reads a 320,000-character situation without a question mark as the background, asking the title’s question',
    () => {
      expect(paragraph.length).toBeGreaterThan(320_000);
      for (const situation of [paragraph, `Why now? ${paragraph}`]) {
        const { posts, skipped } = parseDigest(post(situation, ['- Say it plainly.']));
        expect(skipped).toEqual([]);
        expect(posts[0]).toMatchObject({
          question: 'What Do I Tell the Board?',
          background: situation,
          points: [{ text: 'Say it plainly.', points: [] }],
          warnings: [],
        });
      }
      // A paragraph that is all one question is the question, with no background.
      const asked = `${paragraph} what do I tell them?`;
      expect(parseDigest(post(asked, ['- Say it plainly.'])).posts[0]).toMatchObject({
        question: asked,
        background: '',
      });
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
        question: 'What do I tell the board?',
        background: 'We grew.',
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
      question: 'Should I sell?',
      background: 'We grew.',
      points: [{ text: 'Get a valuation.', points: [] }],
      credit: { name: 'Ann Lee', org: 'Acme', pronoun: 'her' },
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
        question: 'Should I sell?',
        background: 'We grew.',
        points: [{ text: 'Get a valuation.', points: [] }],
        credit: { name: 'Ann Lee', org: 'Acme', pronoun: 'their' },
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
      ).toEqual({ name: 'Ann Lee', org: 'Lee Foods . Really', pronoun: 'her' });
      expect(creditOf(`Special thanks to Ann Lee of Lee Foods${run}. Really.`)).toEqual({
        name: 'Ann Lee',
        org: 'Lee Foods . Really',
        pronoun: 'their',
      });
    },
    HANG,
  );
});
