// What a member might type into the search box, as fast-check arbitraries: free text of every kind,
// and soups of FTS5 syntax (quotes, operators, column filters, prefixes) mixed with real words.
import fc from 'fast-check';

const SYNTAX = ['"', 'AND', 'OR', 'NOT', 'NEAR', '*', ':', '(', ')', '^', '-', '+', '{', '}', ' '];
const WORDS = ['empow', 'team', 'pricing', '😀', '\u0000'];

export const typedSearch = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.constantFrom(...SYNTAX, ...WORDS), { maxLength: 40 }).map((tokens) => tokens.join(' ')),
  fc.string({ minLength: 900, maxLength: 1000 }),
);
