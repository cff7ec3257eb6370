// The anonymized voices of a situation, as the seed digests vary them, in good English.
import { describe, expect, it } from 'vitest';
import { anonymousAuthor } from '../../electron/services/export/confidentiality';

describe('anonymousAuthor', () => {
  it('names the first voices as the seed digests do', () => {
    expect([0, 1, 2, 3].map(anonymousAuthor)).toEqual([
      'One CEO',
      'Another CEO',
      'A third CEO',
      'A fourth CEO',
    ]);
  });

  it('puts "An" before an ordinal that starts with a vowel', () => {
    expect(anonymousAuthor(7)).toBe('An eighth CEO');
    expect(anonymousAuthor(10)).toBe('An eleventh CEO');
    expect(anonymousAuthor(17)).toBe('An eighteenth CEO');
    expect(anonymousAuthor(8)).toBe('A ninth CEO');
  });

  it('gives every voice of a large group its own label', () => {
    const labels = Array.from({ length: 30 }, (_, i) => anonymousAuthor(i));
    expect(new Set(labels).size).toBe(30);
    expect(labels.filter((l) => /^A [aeiou]/.test(l))).toEqual([]);
    expect(labels[25]).toBe('CEO number 26');
  });
});
