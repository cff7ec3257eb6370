// The pieces every part of the IPC contract is built from: the channel helper and the common fields.
import { z } from 'zod';

export interface ChannelSpec<I extends z.ZodType, O> {
  input: I;
  /** Never read at run time: it only carries the output type. */
  output: O;
}

export function channel<O>() {
  return <I extends z.ZodType>(input: I): ChannelSpec<I, O> => ({ input, output: undefined as O });
}

/** UUIDv7 text, as every id in the archive is. */
export const idSchema = z.uuid({ version: 'v7', error: 'That record reference is not valid.' });

/**
 * Whether every UTF-16 surrogate is half of a pair. A lone one (half an emoji, from a broken paste)
 * has no UTF-8 form: SQLite would store bytes that are not UTF-8 and read back three U+FFFD. It is
 * refused rather than replaced, so bad text changes nothing. String.prototype.isWellFormed is
 * ES2024, past the ES2023 types this project compiles against, but Node 20 and Electron's Chromium
 * have it, and it reads a 40 MB digest in milliseconds where a regular expression takes a second.
 */
export function isWellFormedText(value: string): boolean {
  return (value as string & { isWellFormed(): boolean }).isWellFormed();
}

/**
 * Text exactly as given, not trimmed: the base of every text field of the contract, which refuses a
 * lone surrogate with a sentence naming the field. Fields whose pattern takes only ASCII (ids, dates,
 * file and backup names, a pack's base64) refuse one with their own sentence.
 */
export function verbatimText(label: string, typeError = `${label} must be text.`) {
  return z.string({ error: typeError }).refine(isWellFormedText, {
    error: `${label} has a broken character in it (half of an emoji or symbol). Remove it and try again.`,
  });
}

export function text(label: string, max: number) {
  return verbatimText(label)
    .trim()
    .max(max, { error: `${label} is too long (at most ${max} characters).` });
}

export function requiredText(label: string, max: number) {
  return text(label, max).min(1, { error: `${label} cannot be empty.` });
}

export const noInput = z.strictObject({});

/**
 * The years every date the contract takes may fall in: a due date, a meeting's start, the archive's
 * date filters. Peer-advisory groups date from the 1950s, so nothing a chair records comes before
 * 1900, and nothing is planned past 2999. A date outside them is a mistyped year (0025 for 2025, or
 * the 0000-01-01 a date picker lets through), and refusing it keeps it from being filed as the
 * archive's oldest or newest record. Inside them a year has four digits, so a day always reads back
 * as YYYY-MM-DD. The bounds are midnight UTC: a time zone east of Greenwich puts local midnight on
 * 1 January 1900 a few hours before, which no real date is.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;
const EARLIEST_MS = Date.UTC(FIRST_YEAR, 0, 1);
const LATEST_MS = Date.UTC(LAST_YEAR + 1, 0, 1) - 1;

export function inDateRange(ms: number): boolean {
  return ms >= EARLIEST_MS && ms <= LATEST_MS;
}

const pointInTime = 'A date must be a point in time.';
const outOfRange = `A date must fall in the years ${FIRST_YEAR} to ${LAST_YEAR}.`;
export const epochMs = z
  .number({ error: pointInTime })
  .int({ error: pointInTime })
  .min(EARLIEST_MS, { error: outOfRange })
  .max(LATEST_MS, { error: outOfRange });

/** The chair's explicit choice to set a phase rule aside; recorded when used. */
export const override = z.boolean({ error: 'An override is either given or not.' }).default(false);
