// The redaction rule of an anonymized export (electron/services/export/confidentiality.ts), example
// by example and as a property of generated people and text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactor, type ExportPeople } from '../../electron/services/export/confidentiality';
import {
  peopleArbitrary,
  textArbitrary,
  namesLeft,
  type GeneratedPeople,
} from '../integration/redaction-arbitraries';

function people(generated: GeneratedPeople): ExportPeople {
  return {
    members: [...generated.members.map((m) => ({ name: m.name, company: m.org, role: 'member' as const }))],
    credits: generated.credits.map((c) => ({ name: c.name, org: c.org })),
  };
}

const forum: ExportPeople = {
  members: [
    { name: 'Ben Okafor', company: 'Okafor Foods', role: 'member' },
    { name: 'Dean Lane', company: 'Summit Partners LLC', role: 'member' },
    { name: 'Mary-Jane O’Neil', company: 'Acme Inc.', role: 'member' },
  ],
  credits: [{ name: 'Dr. Rosa Quintero', org: 'Quintero Holdings' }],
};

describe('redactor', () => {
  const names = redactor(forum, { redactCompanies: false });
  const all = redactor(forum, { redactCompanies: true });

  it('keeps ordinary words that are also parts of names, in lower case', () => {
    expect(names('Stay in your lane and ask the dean.')).toBe('Stay in your lane and ask the dean.');
    expect(names('The imported goods cost more than the summit.')).toBe(
      'The imported goods cost more than the summit.',
    );
  });

  it('redacts a full name and first-and-last in any case, and a capitalized part anywhere', () => {
    expect(names('ben okafor and DEAN LANE agreed')).toBe('[name] and [name] agreed');
    expect(names("Ben, how many teams? Ask Lane. Okafor’s plan, O'Neil's too.")).toBe(
      "[name], how many teams? Ask [name]. [name]’s plan, [name]'s too.",
    );
    expect(names('Mary-Jane, Mary and Jane')).toBe('[name], [name] and [name]');
    expect(names('Dr. Rosa Quintero; Rosa; Dr. Smith')).toBe('[name]; [name]; Dr. Smith');
  });

  it('redacts only whole words', () => {
    expect(names('Bengal tigers in Lanes and Deanna')).toBe('Bengal tigers in Lanes and Deanna');
  });

  it('redacts a credited organization always, a member’s company when asked, with or without its legal form', () => {
    expect(names('Quintero Holdings, Inc. did it; so did Okafor Foods.')).toBe(
      '[company] did it; so did [name] Foods.',
    );
    expect(all('Okafor Foods, Summit Partners, Summit Partners LLC, Acme, Acme Inc.')).toBe(
      '[company], [company], [company], [company], [company].',
    );
    // A company named after its owner is that company only with its legal form.
    const owner = redactor(
      { members: [{ name: 'Ana Ruiz', company: 'Ana Ruiz Co', role: 'member' }], credits: [] },
      { redactCompanies: true },
    );
    expect(owner('Ana Ruiz met Ana Ruiz Co.; Ruiz Co too')).toBe('[name] met [company]; [name] Co too');
    // Case-sensitive: an organization's capitals tell it from the same words.
    expect(all('the summit partners met at acme')).toBe('the summit partners met at acme');
  });

  it('names no one it was given, and changes no other word, in any generated text', () => {
    fc.assert(
      fc.property(
        fc.boolean().chain((redactCompanies) =>
          peopleArbitrary.chain((generated) =>
            fc.record({
              redactCompanies: fc.constant(redactCompanies),
              generated: fc.constant(generated),
              text: textArbitrary(generated, redactCompanies),
            }),
          ),
        ),
        ({ redactCompanies, generated, text }) => {
          const out = redactor(people(generated), { redactCompanies })(text.text);
          expect(out).toBe(text.expected);
          const everyone = [...generated.members, ...generated.credits];
          const orgs = [...generated.credits, ...(redactCompanies ? generated.members : [])];
          expect(
            namesLeft(
              out,
              everyone.map((p) => p.name),
              orgs.map((p) => p.org),
            ),
          ).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
