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

export function text(label: string, max: number) {
  return z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, { error: `${label} is too long (at most ${max} characters).` });
}

export function requiredText(label: string, max: number) {
  return text(label, max).min(1, { error: `${label} cannot be empty.` });
}

export const noInput = z.strictObject({});

export const epochMs = z.number({ error: 'A date must be a point in time.' }).int().min(0).max(8.64e15);

/** The chair's explicit choice to set a phase rule aside; recorded when used. */
export const override = z.boolean({ error: 'An override is either given or not.' }).default(false);
