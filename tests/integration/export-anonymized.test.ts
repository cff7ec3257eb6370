// Anonymized exports of generated archives through the router: members with generated names and
// companies, an imported post with its credit (and so the group's digest voice, named "Imported"), and
// situations credited to generated people, whose titles, backgrounds, advice, tags and meeting place
// mention them among ordinary words. In the notes and the digest, Markdown and HTML, no name,
// company or credit is left, and every other word is as written (redaction-arbitraries.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown } from '../../electron/services/export/html-page';
import { digestMarkdown } from '../../electron/services/export/digest-render';
import { oneLine, titleCase } from '../../shared/digest-format';
import { openTestBackend } from './backend-fixture';
import {
  namesLeft,
  peopleArbitrary,
  textArbitrary,
  type GeneratedPeople,
  type Mention,
} from './redaction-arbitraries';

interface PlannedSituation {
  question: Mention;
  background: Mention;
  advice: Mention[];
  tag: Mention;
}

interface PlannedArchive {
  redactCompanies: boolean;
  people: GeneratedPeople;
  imported: { question: Mention; background: Mention; advice: Mention };
  situations: PlannedSituation[];
  location: Mention;
}

const archiveArbitrary: fc.Arbitrary<PlannedArchive> = fc
  .tuple(fc.boolean(), peopleArbitrary)
  .chain(([redactCompanies, people]) => {
    const text = (end = '.') => textArbitrary(people, redactCompanies, end);
    const shortText = textArbitrary(people, redactCompanies, '').filter((t) => t.text.length <= 80);
    return fc.record({
      redactCompanies: fc.constant(redactCompanies),
      people: fc.constant(people),
      imported: fc.record({ question: text('?'), background: text(), advice: text() }),
      situations: fc.array(
        fc.record({
          question: text('?'),
          background: text(),
          advice: fc.array(text(), { minLength: 1, maxLength: 3 }),
          tag: shortText,
        }),
        { minLength: 1, maxLength: 2 },
      ),
      location: shortText,
    });
  });

/** What a reader sees: HTML's tags, style and entities undone; a digest's title-cased titles left out. */
function readable(content: string, format: 'markdown' | 'html', digest: boolean): string {
  if (format === 'markdown') {
    return digest ? content.replace(/^## .*$/gm, '') : content;
  }
  return content
    .replace(/<style>[^<]*<\/style>/, '')
    .replace(digest ? /<h2>[^<]*<\/h2>/g : /$^/, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#96;/g, '`')
    .replace(/&amp;/g, '&');
}

describe('an anonymized export of a generated archive', () => {
  it('names no member, company or credited person or organization, and changes no other word', async () => {
    await fc.assert(
      fc.asyncProperty(archiveArbitrary, async (plan) => {
        const backend = await openTestBackend();
        try {
          const group = await backend.call('group.create', { name: 'Forum twelve' });
          const members = [];
          for (const m of plan.people.members) {
            members.push(
              await backend.call('member.create', { groupId: group.id, name: m.name, company: m.org }),
            );
          }
          const [firstCredit, secondCredit] = plan.people.credits;
          // The importer keeps a post's text as written.
          const imported = plan.imported;
          const file = digestMarkdown({
            tag: null,
            notice: null,
            posts: [
              {
                question: plan.imported.question.text,
                background: plan.imported.background.text,
                noun: 'Observations',
                points: [{ text: plan.imported.advice.text, points: [] }],
                credit: { name: firstCredit!.name, org: firstCredit!.org, pronoun: 'her' },
              },
            ],
          });
          const report = await backend.call('import.digest', { groupId: group.id, text: file });
          expect(report.imported, JSON.stringify(report.posts)).toBe(1);

          const meeting = await backend.call('meeting.plan', {
            groupId: group.id,
            startsAt: Date.UTC(2025, 4, 8),
            location: plan.location.text,
          });
          const situationIds: string[] = [];
          for (const [i, s] of plan.situations.entries()) {
            // The first situation carries the second credit, so every credited person is in the archive.
            const credit = i === 0 ? (secondCredit ?? firstCredit!) : null;
            const situation = await backend.call('situation.create', {
              groupId: group.id,
              presenterId: members[i % members.length]!.id,
              title: s.question.text,
              background: s.background.text,
              credit: credit && { name: credit.name, org: credit.org, pronoun: 'his' },
            });
            situationIds.push(situation.id);
            await backend.call('situation.tag', { situationId: situation.id, name: s.tag.text });
            let parentId: string | null = null;
            for (const [j, advice] of s.advice.entries()) {
              const added: { id: string } = await backend.call('contribution.add', {
                situationId: situation.id,
                parentId,
                authorId: members[j % members.length]!.id,
                kind: 'advice',
                body: advice.text,
              });
              parentId = j === 0 ? added.id : parentId;
            }
          }
          await backend.call('selection.choose', { meetingId: meeting.meeting.id, situationIds });

          const names = [...plan.people.members, ...plan.people.credits].map((p) => p.name);
          const orgs = [...plan.people.credits, ...(plan.redactCompanies ? plan.people.members : [])].map(
            (p) => p.org,
          );
          const allSituations = (await backend.call('situation.list', { groupId: group.id })).map(
            (s) => s.id,
          );
          for (const format of ['markdown', 'html'] as const) {
            const escape = format === 'markdown' ? escapeMarkdown : escapeHtml;
            const notes = await backend.call('export.notes', {
              meetingId: meeting.meeting.id,
              format,
              level: 'anonymized',
              redactCompanies: plan.redactCompanies,
            });
            const digest = await backend.call('export.digest', {
              situationIds: allSituations,
              format,
              level: 'anonymized',
              redactCompanies: plan.redactCompanies,
            });
            expect(digest.situationCount).toBe(plan.situations.length + 1);
            const written = plan.situations.flatMap((s) => [s.question, s.background, ...s.advice]);
            const tags = plan.situations.map((s) => s.tag);
            for (const mention of [...written, ...tags, plan.location]) {
              expect(notes.content, `notes (${format}) of ${mention.text}`).toContain(
                escape(oneLine(mention.expected)),
              );
            }
            for (const mention of [...written, ...tags, ...Object.values(imported)]) {
              expect(digest.content, `digest (${format}) of ${mention.text}`).toContain(
                escape(oneLine(mention.expected)),
              );
            }
            // A title is its question in title case, redacted; an imported post's title is its heading,
            // redacted as written (its question as asked is checked above, in its Situation paragraph).
            for (const question of plan.situations.map((s) => s.question)) {
              expect(digest.content).toContain(escape(titleCase(oneLine(question.expected))));
            }
            expect(digest.content).not.toContain('Special thanks');
            expect(namesLeft(readable(notes.content, format, false), names, orgs)).toEqual([]);
            expect(namesLeft(readable(digest.content, format, true), names, orgs)).toEqual([]);
          }
        } finally {
          backend.close();
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
