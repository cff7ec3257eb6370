// Archive packs: a group's archive (or a selection) sealed with a passphrase, merged on import, or
// opened read-only. The passphrase lives only for the call: never logged, never stored.
// A pack of more than one part (PART_SITUATIONS situations) reports its progress part by part.
import { ANYTHING_CHANGED } from '../../shared/contract';
import type { PackContents } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type { Handlers } from '../ipc/router';
import { now } from '../store/ids';
import type { ServiceContext } from './context';
import { fileStem } from './export';
import { requireGroup } from './groups';
import { openPack, sealPack } from './packs/pack-crypto';
import { mergePack } from './packs/pack-merge';
import {
  groupSituations,
  PART_SITUATIONS,
  readPayload,
  writePayload,
  type PackReader,
  type PackRow,
} from './packs/pack-payload';

/** The page cache a large pack import runs with, in KiB (negative, as SQLite takes it): 128 MiB. */
const IMPORT_CACHE_KIB = -131_072;

async function unpack(data: string, passphrase: string): Promise<PackReader> {
  return readPayload(await openPack(Buffer.from(data, 'base64'), passphrase));
}

/** The pack's situations as threads, for reading without merging. */
export function packContents(pack: PackReader): PackContents {
  const names = new Map(pack.header.members.map((m) => [m.id, m.name]));
  const tagNames = new Map(pack.header.tags.map((t) => [t.id, t.name]));
  const situations: PackContents['situations'] = [];
  for (const part of pack.parts()) {
    const points = new Map<string, PackRow<'contributions'>[]>();
    for (const c of part.contributions) {
      const list = points.get(c.situationId);
      if (list) list.push(c);
      else points.set(c.situationId, [c]);
    }
    const tags = new Map<string, string[]>();
    for (const st of part.situationTags) {
      const name = tagNames.get(st.tagId);
      const list = tags.get(st.situationId);
      if (!name) continue;
      if (list) list.push(name);
      else tags.set(st.situationId, [name]);
    }
    for (const s of part.situations) {
      situations.push({
        id: s.id,
        title: s.title,
        background: s.background,
        confidential: s.confidential === 1,
        presenterName: names.get(s.presenterId) ?? 'A member',
        credit:
          s.creditName && s.creditOrg && s.creditPronoun
            ? {
                name: s.creditName,
                org: s.creditOrg,
                pronoun: s.creditPronoun,
                ...(s.creditText ? { text: s.creditText } : {}),
                ...(s.creditForm === 'bullet' ? { bullet: true } : {}),
              }
            : null,
        tags: tags.get(s.id) ?? [],
        points: (points.get(s.id) ?? []).map((c) => ({
          id: c.id,
          parentId: c.parentId,
          authorName: names.get(c.authorId) ?? 'A member',
          kind: c.kind,
          body: c.body,
        })),
      });
    }
  }
  return { groupNames: pack.header.groups.map((g) => g.name), createdAt: pack.header.createdAt, situations };
}

export function packHandlers(
  context: ServiceContext,
): Pick<Handlers, 'pack.export' | 'pack.import' | 'pack.open'> {
  const { store, emit } = context;
  return {
    'pack.export': async ({ groupId, situationIds, passphrase, includeConfidential }) => {
      const group = requireGroup(store, groupId);
      const inGroup = groupSituations(store.db, groupId);
      const wanted = situationIds && new Set(situationIds);
      const chosen = wanted ? inGroup.filter((s) => wanted.has(s.id)) : inGroup;
      if (wanted && chosen.length !== wanted.size) {
        throw new AppError('NOT_FOUND', 'One of those situations is not in this group any more.');
      }
      const shared = chosen.filter((s) => includeConfidential || !s.confidential);
      const at = now();
      const plaintext = await writePayload(
        store.db,
        groupId,
        shared.map((s) => s.id),
        at,
        shared.length > PART_SITUATIONS
          ? (done, total) => emit('export.progress', { done, total })
          : undefined,
      );
      const sealed = await sealPack(plaintext, passphrase);
      return {
        data: sealed.toString('base64'),
        fileName: `${fileStem(group.name, new Date(at).toISOString().slice(0, 10))}.rtpack`,
        situationCount: shared.length,
        omittedConfidential: chosen.length - shared.length,
      };
    },

    'pack.import': async ({ data, passphrase }) => {
      const pack = await unpack(data, passphrase);
      const total = pack.header.situationCount;
      // A large merge is one transaction: with the pages it touches held in memory, SQLite does not
      // spill (encrypt, write, read back, decrypt) half-written pages while it runs.
      const cacheSize = store.db.pragma('cache_size', { simple: true }) as number;
      if (total > PART_SITUATIONS) store.db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
      try {
        const { report } = store.db.transaction(() =>
          mergePack(
            store.db,
            pack,
            total > PART_SITUATIONS ? (done) => emit('import.progress', { done, total }) : undefined,
          ),
        )();
        emit('archive.changed', ANYTHING_CHANGED);
        return report;
      } catch (error) {
        if (error instanceof AppError) throw error;
        if (error instanceof Error && /constraint|rid must carry/i.test(error.message)) {
          throw new AppError(
            'CORRUPT',
            'This pack refers to records it does not hold. Nothing was imported.',
          );
        }
        throw error;
      } finally {
        store.db.pragma(`cache_size = ${cacheSize}`);
      }
    },

    'pack.open': async ({ data, passphrase }) => packContents(await unpack(data, passphrase)),
  };
}
