// Every text field of the contract refuses a lone surrogate, found by walking each channel's schema,
// so a field added later with a bare z.string() fails here.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CHANNELS } from '../../shared/channels';
import { contract } from '../../shared/contract';
import { requiredText, text, verbatimText } from '../../shared/contract-fields';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
}

/** Every string schema under `schema`, with the path of the field it validates. */
function stringFields(schema: z.ZodType, path: string): { path: string; schema: z.ZodType }[] {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  switch (def.type) {
    case 'string':
      return [{ path, schema }];
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, field]) => stringFields(field, `${path}.${key}`));
    case 'array':
      return stringFields(def.element!, `${path}[]`);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return stringFields(def.innerType!, path);
    case 'pipe':
      return stringFields(def.in!, path);
    case 'union':
      return def.options!.flatMap((option) => stringFields(option, path));
    default:
      return [];
  }
}

const BROKEN =
  'The group name has a broken character in it (half of an emoji or symbol). Remove it and try again.';

describe('text fields and lone surrogates', () => {
  it('the helpers refuse a lone surrogate with a sentence naming the field, and keep whole emoji', () => {
    for (const schema of [text('The group name', 200), requiredText('The group name', 200)]) {
      for (const broken of ['Forum \uD83D', '\uDE00 Forum', 'For\uDE00\uD83Dum']) {
        const result = schema.safeParse(broken);
        expect(result.success).toBe(false);
        expect(result.error?.issues[0]?.message).toBe(BROKEN);
      }
      expect(schema.parse(' Forum 😀 ')).toBe('Forum 😀');
    }
    expect(verbatimText('The draft').parse(' half \n')).toBe(' half \n');
  });

  it.each(CHANNELS)('every text field of %s refuses a lone surrogate', (channel) => {
    for (const field of stringFields(contract[channel].input, channel)) {
      // Text ending in half an emoji: refused by the field's own pattern or by the contract's check.
      for (const broken of ['Forum\uD83D', '\uDE00']) {
        expect(field.schema.safeParse(broken).success, `${field.path} took ${JSON.stringify(broken)}`).toBe(
          false,
        );
      }
    }
  });

  it('finds the text fields it checks', () => {
    const paths = CHANNELS.flatMap((channel) => stringFields(contract[channel].input, channel)).map(
      (f) => f.path,
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        'group.create.name',
        'situation.create.credit.name',
        'template.save.segments[].title',
        'draft.save.body',
        'archive.search.query',
        'import.digest.text',
        'pack.open.passphrase',
        'export.save.content',
        'commitment.add.dueDate',
      ]),
    );
  });
});
