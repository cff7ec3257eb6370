// HTML character references in text saved from a web page ("don&#8217;t", "Ruiz &amp; Sons",
// "&nbsp;"), decoded to the characters they stand for. One reference preceded by an odd number of
// backslashes is Markdown's escape of its "&" (the digest export writes "\&amp;" for a literal
// "&amp;") and stays as it is.

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  shy: '\u00AD',
  ndash: '\u2013',
  mdash: '\u2014',
  minus: '\u2212',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201A',
  ldquo: '\u201C',
  rdquo: '\u201D',
  bdquo: '\u201E',
  laquo: '\u00AB',
  raquo: '\u00BB',
  lsaquo: '\u2039',
  rsaquo: '\u203A',
  prime: '\u2032',
  Prime: '\u2033',
  bull: '\u2022',
  middot: '\u00B7',
  copy: '\u00A9',
  reg: '\u00AE',
  trade: '\u2122',
  deg: '\u00B0',
  euro: '\u20AC',
  pound: '\u00A3',
  yen: '\u00A5',
  cent: '\u00A2',
  sect: '\u00A7',
  para: '\u00B6',
  times: '\u00D7',
  divide: '\u00F7',
  frac12: '\u00BD',
  frac14: '\u00BC',
  frac34: '\u00BE',
  iexcl: '\u00A1',
  iquest: '\u00BF',
  szlig: '\u00DF',
  aelig: '\u00E6',
  AElig: '\u00C6',
  oelig: '\u0153',
  OElig: '\u0152',
  oslash: '\u00F8',
  Oslash: '\u00D8',
  eth: '\u00F0',
  ETH: '\u00D0',
  thorn: '\u00FE',
  THORN: '\u00DE',
};

// The accented letters by their mark: "eacute" is e with U+0301, "Ntilde" is N with U+0303.
const MARKS: Record<string, string> = {
  acute: '\u0301',
  grave: '\u0300',
  circ: '\u0302',
  uml: '\u0308',
  tilde: '\u0303',
  ring: '\u030A',
  cedil: '\u0327',
  caron: '\u030C',
};

function accented(name: string): string | undefined {
  const letter = name.charAt(0);
  const mark = MARKS[name.slice(1)];
  if (!mark || !/^[A-Za-z]$/.test(letter)) return undefined;
  const composed = (letter + mark).normalize('NFC');
  return composed.length === 1 ? composed : undefined;
}

// Numeric references 128 to 159 name Windows-1252's characters, as browsers read them.
const WINDOWS_1252 = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0, 0x017e, 0x0178,
];

function numeric(code: number): string | undefined {
  const mapped = code >= 0x80 && code <= 0x9f ? (WINDOWS_1252[code - 0x80] ?? 0) : code;
  if (mapped <= 0 || mapped > 0x10ffff || (mapped >= 0xd800 && mapped <= 0xdfff)) return undefined;
  return String.fromCodePoint(mapped);
}

function character(body: string): string | undefined {
  if (body.startsWith('#x') || body.startsWith('#X')) return numeric(parseInt(body.slice(2), 16));
  if (body.startsWith('#')) return numeric(parseInt(body.slice(1), 10));
  return NAMED[body] ?? accented(body);
}

const REFERENCE = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/** The text with its character references decoded; unknown names and escaped ones stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (reference: string, body: string, at: number) => {
    // Counting the backslashes before this "&" reads each run once: a run ends at the "&" after it.
    let slashes = 0;
    while (at - slashes - 1 >= 0 && text.charCodeAt(at - slashes - 1) === 0x5c) slashes++;
    if (slashes % 2 === 1) return reference;
    return character(body) ?? reference;
  });
}
