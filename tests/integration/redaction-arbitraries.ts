// Generated people and text for the anonymized-export properties: members and credited people with
// names and organizations, and text that mentions them the ways people write names, mixed with
// ordinary words, among them words equal to a name's parts in lower case ("stay in your lane" beside
// a member called Dean Lane). Each text knows what it must read once anonymized, by the rule written
// down in electron/services/export/confidentiality.ts, so a property can check both that no name
// leaves and that no other word changed. `namesLeft` is that rule's check, written apart from it.
import fc from 'fast-check';

export const NAME = '[name]';
export const COMPANY = '[company]';

// Name parts, some of them ordinary English words too. None is a word of FILLERS or ORG_WORDS.
const FIRST = [
  'Ana',
  'Ben',
  'Chen',
  'Dean',
  'Lane',
  'Rose',
  'Mark',
  'Grant',
  'Hope',
  'Farid',
  'Mary-Jane',
  'José',
  'Zoë',
];
const LAST = [
  'Ruiz',
  'Okafor',
  'Li',
  'Lane',
  'Dean',
  'Price',
  'Young',
  'Stone',
  'O’Neil',
  'Haddad',
  'Marsh',
  'Quintero',
];
const TITLES = ['Dr.', 'Ms.', 'Mr.'];
// Organizations: a distinctive word, a kind, and perhaps a legal form.
const ORG_WORDS = ['Summit', 'Acme', 'Harbor', 'Northwind', 'Bluefield', 'Kestrel', 'Orchard'];
const ORG_KINDS = ['Holdings', 'Foods', 'Logistics', 'Labs', 'Partners'];
const ORG_FORMS = ['', ' Inc', ', Inc.', ' LLC', ' Ltd'];
/** Words that join mentions; no name, organization or count word among them. */
const FILLERS = ['ask', 'stay in your', 'call the', 'we met', 'talk to', 'then', 'after the'];
const ORDINARY = ['budget', 'board', 'hire', 'team', 'pricing', 'goods', 'margins', 'imported', 'summit'];

export interface GeneratedPerson {
  name: string;
  org: string;
}

export interface GeneratedPeople {
  members: GeneratedPerson[];
  credits: GeneratedPerson[];
}

const person = (titled: boolean): fc.Arbitrary<GeneratedPerson> =>
  fc
    .record({
      title: titled ? fc.option(fc.constantFrom(...TITLES), { nil: undefined }) : fc.constant(undefined),
      first: fc.constantFrom(...FIRST),
      last: fc.constantFrom(...LAST),
      org: fc.constantFrom(...ORG_WORDS),
      kind: fc.constantFrom(...ORG_KINDS),
      form: fc.constantFrom(...ORG_FORMS),
    })
    .filter((p) => p.first !== p.last)
    .map((p) => ({
      name: [p.title, p.first, p.last].filter(Boolean).join(' '),
      org: `${p.org} ${p.kind}${p.form}`,
    }));

/** Two to four members and one or two credited people, no two with one name or organization. */
export const peopleArbitrary: fc.Arbitrary<GeneratedPeople> = fc
  .record({
    members: fc.array(person(false), { minLength: 2, maxLength: 4 }),
    credits: fc.array(person(true), { minLength: 1, maxLength: 2 }),
  })
  .filter(({ members, credits }) => {
    const all = [...members, ...credits];
    const bareName = (n: string) => n.replace(/^(Dr|Ms|Mr)\. /, '');
    const core = (o: string) => o.replace(/,? (Inc\.?|LLC|Ltd)$/, '');
    return (
      new Set(all.map((p) => bareName(p.name))).size === all.length &&
      new Set(all.map((p) => core(p.org))).size === all.length
    );
  });

/** A piece of text and what it must read in an anonymized export. */
export interface Mention {
  text: string;
  expected: string;
}

function firstAndLast(name: string): [string, string] {
  const words = name.split(' ').filter((w) => !TITLES.includes(w));
  return [words[0] ?? '', words[words.length - 1] ?? ''];
}

/** The ways a text names a person: in full, first and last, one part alone, shouted, possessive… */
function personMention(p: GeneratedPerson): fc.Arbitrary<Mention> {
  const [first, last] = firstAndLast(p.name);
  const straight = (t: string) => t.replace(/’/g, "'");
  return fc.constantFrom<Mention>(
    { text: p.name, expected: NAME },
    { text: `${first} ${last}`, expected: NAME },
    { text: `${first}  ${last}`.toLowerCase(), expected: NAME },
    { text: `${first} ${last}`.toUpperCase(), expected: NAME },
    { text: first, expected: NAME },
    { text: last, expected: NAME },
    { text: straight(last), expected: NAME },
    { text: `${first}'s`, expected: `${NAME}'s` },
    { text: first.toUpperCase(), expected: NAME },
    ...(first.includes('-') ? first.split('-').map((half) => ({ text: half, expected: NAME })) : []),
  );
}

function orgCore(org: string): string {
  return org.replace(/,? (Inc\.?|LLC|Ltd)$/, '');
}

/** The ways a text names an organization: as recorded, without its legal form, or with another. */
function orgMention(org: string, redacted: boolean): fc.Arbitrary<Mention> {
  const core = orgCore(org);
  const forms = [org, core, `${core} LLC`, `${core}, Inc.`];
  return fc.constantFrom(...forms).map((text) => ({ text, expected: redacted ? COMPANY : text }));
}

/** An ordinary phrase: a word of ORDINARY, or a name's part in lower case, behind a filler. */
function ordinary(people: GeneratedPeople): fc.Arbitrary<Mention> {
  const lowerParts = [...people.members, ...people.credits].flatMap((p) =>
    firstAndLast(p.name).flatMap((part) => [part.toLowerCase(), ...part.toLowerCase().split('-')]),
  );
  return fc
    .tuple(fc.constantFrom(...FILLERS), fc.constantFrom(...ORDINARY, ...lowerParts))
    .map(([filler, word]) => ({ text: `${filler} ${word}`, expected: `${filler} ${word}` }));
}

/**
 * A sentence or three mixing mentions and ordinary phrases. Pieces are joined by punctuation, so a
 * lower-case name part never stands beside another and two ordinary words never make a full name;
 * a mention may open a sentence, the place a capital says nothing. "Imported goods" opens one too:
 * the importer's placeholder member is no one.
 */
export function textArbitrary(
  people: GeneratedPeople,
  redactCompanies: boolean,
  end = '.',
): fc.Arbitrary<Mention> {
  const piece = fc.oneof(
    { weight: 3, arbitrary: ordinary(people) },
    { weight: 3, arbitrary: fc.constantFrom(...people.members, ...people.credits).chain(personMention) },
    { weight: 1, arbitrary: fc.constantFrom(...people.credits).chain((c) => orgMention(c.org, true)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...people.members).chain((m) => orgMention(m.org, redactCompanies)),
    },
    {
      weight: 1,
      arbitrary: fc.constant({ text: 'Imported goods cost more', expected: 'Imported goods cost more' }),
    },
  );
  return fc
    .array(fc.tuple(piece, fc.constantFrom(', ', '. ', '; ', ' — ', ': ')), { minLength: 1, maxLength: 6 })
    .map((pieces) => {
      // A sentence opens with a capital: "Ask the dean", and "Ben" or "ben okafor" as they come.
      const opened = pieces.map(([m, sep], i) => {
        const opens = i === 0 || pieces[i - 1]?.[1] === '. ';
        const text = opens ? capitalFirst(m.text) : m.text;
        return { text, expected: m.expected === m.text ? text : m.expected, sep };
      });
      const joined = (key: 'text' | 'expected') =>
        opened.map((m, i) => m[key] + (i === opened.length - 1 ? end : m.sep)).join('');
      return { text: joined('text'), expected: joined('expected') };
    });
}

function capitalFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------------------------------------
// The rule's check
// ---------------------------------------------------------------------------------------------

const EDGE_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}_])';
const EDGE_AFTER = '(?![\\p{L}\\p{M}\\p{N}_])';

function wordPattern(text: string, flags: string): RegExp {
  const body = text
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]"))
    .join('\\s+');
  return new RegExp(`${EDGE_BEFORE}${body}${EDGE_AFTER}`, flags);
}

/**
 * Every way `text` still names one of `names` or `orgs` by the rule: a full name or first-and-last
 * in any case, one part of a name with a capital, an organization as recorded or without its legal
 * form. Empty when it names no one.
 */
export function namesLeft(text: string, names: readonly string[], orgs: readonly string[]): string[] {
  const left: string[] = [];
  for (const name of names) {
    const [first, last] = firstAndLast(name);
    for (const full of [name, `${first} ${last}`]) {
      if (wordPattern(full, 'iu').test(text)) left.push(full);
    }
    const parts = [first, last, ...first.split('-'), ...last.split('-')].filter((p) => p.length >= 2);
    for (const part of new Set(parts)) {
      for (const found of text.matchAll(wordPattern(part, 'giu'))) {
        if (/^\p{Lu}/u.test(found[0])) left.push(found[0]);
      }
    }
  }
  for (const org of orgs) {
    if (wordPattern(orgCore(org), 'u').test(text)) left.push(org);
  }
  return left;
}
