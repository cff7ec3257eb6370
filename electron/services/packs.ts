// Archive packs: a group's archive (or a selection) sealed with a passphrase, merged on import, or
// opened read-only. The passphrase lives only for the call: never logged, never stored.
import type { PackContents } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type { Handlers } from '../ipc/router';
import { now } from '../store/ids';
import type { ServiceContext } from './context';
import { fileStem } from './export';
import { requireGroup } from './groups';
import { openPack, sealPack } from './packs/pack-crypto';
import { mergePayload } from './packs/pack-merge';
import { collectPayload, decodePayload, encodePayload, type PackPayload } from './packs/pack-payload';

async function unpack(data: string, passphrase: string): Promise<PackPayload> {
  return decodePayload(await openPack(Buffer.from(data, 'base64'), passphrase));
}

/** The pack's situations as threads, for reading without merging. */
export function packContents(payload: PackPayload): PackContents {
  const names = new Map(payload.members.map((m) => [m.id, m.name]));
  const tagNames = new Map(payload.tags.map((t) => [t.id, t.name]));
  return {
    groupNames: payload.groups.map((g) => g.name),
    createdAt: payload.createdAt,
    situations: payload.situations.map((s) => ({
      id: s.id,
      title: s.title,
      background: s.background,
      presenterName: names.get(s.presenterId) ?? 'A member',
      tags: payload.situationTags
        .filter((st) => st.situationId === s.id)
        .map((st) => tagNames.get(st.tagId) ?? '')
        .filter(Boolean),
      points: payload.contributions
        .filter((c) => c.situationId === s.id)
        .map((c) => ({
          id: c.id,
          parentId: c.parentId,
          authorName: names.get(c.authorId) ?? 'A member',
          kind: c.kind,
          body: c.body,
        })),
    })),
  };
}

export function packHandlers(
  context: ServiceContext,
): Pick<Handlers, 'pack.export' | 'pack.import' | 'pack.open'> {
  const { store, emit } = context;
  return {
    'pack.export': async ({ groupId, situationIds, passphrase, includeConfidential }) => {
      const group = requireGroup(store, groupId);
      const inGroup = store.situations.list(groupId);
      const chosen = situationIds ? inGroup.filter((s) => situationIds.includes(s.id)) : inGroup;
      if (situationIds && chosen.length !== new Set(situationIds).size) {
        throw new AppError('NOT_FOUND', 'One of those situations is not in this group any more.');
      }
      const shared = chosen.filter((s) => includeConfidential || !s.confidential);
      const at = now();
      const payload = collectPayload(
        store.db,
        groupId,
        shared.map((s) => s.id),
        at,
      );
      const sealed = await sealPack(encodePayload(payload), passphrase);
      return {
        data: sealed.toString('base64'),
        fileName: `${fileStem(group.name, new Date(at).toISOString().slice(0, 10))}.rtpack`,
        situationCount: shared.length,
        omittedConfidential: chosen.length - shared.length,
      };
    },

    'pack.import': async ({ data, passphrase }) => {
      const payload = await unpack(data, passphrase);
      try {
        const report = store.db.transaction(() => mergePayload(store.db, payload))();
        emit('archive.changed', { situationId: payload.situations[0]?.id ?? '' });
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
      }
    },

    'pack.open': async ({ data, passphrase }) => packContents(await unpack(data, passphrase)),
  };
}
