// Turns whatever a member types into a safe FTS5 query. Every term reaches MATCH as a quoted string,
// so quotes, operators, colons, parentheses or stray punctuation can never become FTS5 syntax.
//
// What the user can express: words (each matches as a prefix, so "empow" finds "empowerment"),
// "quoted phrases", and OR between two terms or phrases. AND is implicit; other operator words are
// searched as words.

const MAX_INPUT = 1_000;
const MAX_TERMS = 16;
const MAX_TERM_LENGTH = 64;

type Term = { kind: 'word'; text: string } | { kind: 'phrase'; words: string[] };

const WORD = /[\p{L}\p{N}]+/gu;

function words(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.slice(0, MAX_TERM_LENGTH));
}

function quote(text: string): string {
  // The term holds only letters and digits, so there is no quote to double; keep it robust anyway.
  return `"${text.replaceAll('"', '""')}"`;
}

function render(term: Term): string {
  if (term.kind === 'phrase') return quote(term.words.join(' '));
  // A one-letter prefix would match most of the archive and helps nobody.
  return term.text.length >= 2 ? `${quote(term.text)}*` : quote(term.text);
}

/** Returns the FTS5 query for the user's text, or null when there is nothing to search for. */
export function toFtsQuery(input: string): string | null {
  const text = input
    .slice(0, MAX_INPUT)
    .normalize('NFKC')
    .replace(/[\u201C\u201D\u201E\u201F\u00AB\u00BB]/g, '"');

  // Split into quoted segments and the rest; an unbalanced quote runs to the end of the input.
  const groups: (Term | 'OR')[] = [];
  const segments = text.split('"');
  segments.forEach((segment, index) => {
    if (index % 2 === 1) {
      const phrase = words(segment);
      // A quoted word or phrase matches exactly, without the prefix a bare word gets.
      if (phrase.length > 0) groups.push({ kind: 'phrase', words: phrase.slice(0, MAX_TERMS) });
      return;
    }
    for (const chunk of segment.split(/\s+/)) {
      if (chunk === 'OR') groups.push('OR');
      else if (chunk === 'AND') continue;
      else for (const word of words(chunk)) groups.push({ kind: 'word', text: word });
    }
  });

  // Terms joined by AND; "a OR b" binds two neighbours. A dangling OR is ignored.
  const clauses: string[][] = [];
  let joinNext = false;
  let count = 0;
  for (const item of groups) {
    if (item === 'OR') {
      joinNext = clauses.length > 0;
      continue;
    }
    if (count++ >= MAX_TERMS) break;
    const last = clauses.at(-1);
    if (joinNext && last) last.push(render(item));
    else clauses.push([render(item)]);
    joinNext = false;
  }
  if (clauses.length === 0) return null;
  return clauses.map((c) => (c.length === 1 ? (c[0] ?? '') : `(${c.join(' OR ')})`)).join(' AND ');
}

/** The plain words of a query, for highlighting and for "no results for …" messages. */
export function queryWords(input: string): string[] {
  return words(input.slice(0, MAX_INPUT).normalize('NFKC')).filter((w) => w !== 'OR' && w !== 'AND');
}

// Words too common in a situation to tell one from another. bm25's IDF discounts common terms too;
// leaving these out keeps the query short.
const STOPWORDS = new Set(
  (
    'about above after again against also because been before being below between both could does doing down ' +
    'during each from further have having here into itself just more most much need only other over same should ' +
    'some such than that their them then there these they this those through under until very want what when ' +
    'where which while will with would your yours company companies ceo ceos how who why'
  ).split(' '),
);

/**
 * An OR query of a situation's most distinctive words, for "related past situations": bm25 ranks the
 * situations that share the rarest of them first.
 */
export function relatedQuery(text: string, maxTerms = 12): string | null {
  const seen = new Set<string>();
  for (const word of words(text.normalize('NFKC').toLowerCase())) {
    if (word.length >= 4 && !STOPWORDS.has(word) && !/^\d+$/.test(word)) seen.add(word);
  }
  // Longer words tend to be the more specific ones; keep the query bounded.
  const chosen = [...seen].sort((a, b) => b.length - a.length || a.localeCompare(b)).slice(0, maxTerms);
  return chosen.length === 0 ? null : chosen.map(quote).join(' OR ');
}
