// The digest importer's parser: hand-written posts that vary as real ones do, Roundtable's own
// exports read back, and arbitrary text that never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../shared/digest-parse';
import { digestMarkdown } from '../../electron/services/export/digest-render';
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
