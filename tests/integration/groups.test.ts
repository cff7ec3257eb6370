// group.* and member.* through the router over a temp database file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOT_PLAIN_DATA } from '../../electron/ipc/plain-input';
import { openTestBackend, seedGroup, type TestBackend } from './backend-fixture';

let backend: TestBackend;
beforeEach(async () => {
  backend = await openTestBackend();
});
afterEach(() => backend.close());

const UNKNOWN_ID = '0190f2a4-1c7e-7b7a-9c1e-3a5b7c9d1e2f';

describe('group.create and group.list', () => {
  it('creates a group with a UUIDv7 id and lists groups by name', async () => {
    const b = await backend.call('group.create', { name: '  YPO Forum Blue ' });
    const a = await backend.call('group.create', { name: 'EO Forum Alpha' });
    expect(b.name).toBe('YPO Forum Blue');
    expect(b.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b.createdAt).toBeGreaterThan(Date.now() - 60_000);
    expect((await backend.call('group.list', {})).map((g) => g.id)).toEqual([a.id, b.id]);
  });

  it('refuses an Error as its input rather than naming a group after its class', async () => {
    const before = backend.snapshot();
    const result = await backend.route('group.create', new RangeError('Invalid array length'));
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: NOT_PLAIN_DATA } });
    expect(backend.snapshot()).toBe(before);
    expect(await backend.call('group.list', {})).toEqual([]);
  });

  it('refuses a name with half an emoji in it rather than storing bytes that are not UTF-8', async () => {
    const before = backend.snapshot();
    expect(await backend.route('group.create', { name: 'Forum \uD83D' })).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message:
          'The group name has a broken character in it (half of an emoji or symbol). Remove it and try again.',
      },
    });
    expect(backend.snapshot()).toBe(before);
    expect((await backend.call('group.create', { name: 'Forum 🦊' })).name).toBe('Forum 🦊');
  });

  it('refuses a name that is too long and writes nothing', async () => {
    const before = backend.snapshot();
    const result = await backend.route('group.create', { name: 'x'.repeat(201) });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(backend.snapshot()).toBe(before);
  });
});

describe('member.create and member.list', () => {
  it('adds members to a group and lists them by name', async () => {
    const { group, chair, ana, ben } = await seedGroup(backend);
    expect(chair.role).toBe('chair');
    expect(ana).toMatchObject({ role: 'member', company: 'Ruiz Logistics', title: 'CEO', groupId: group.id });
    const listed = await backend.call('member.list', { groupId: group.id });
    expect(listed.map((m) => m.name)).toEqual([ana.name, ben.name, chair.name]);
  });

  it('refuses a member for a group that does not exist, and writes nothing', async () => {
    const before = backend.snapshot();
    const result = await backend.route('member.create', { groupId: UNKNOWN_ID, name: 'Ghost' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'That group no longer exists.' },
    });
    expect(backend.snapshot()).toBe(before);
  });

  it('refuses an unknown role and an empty name', async () => {
    const { group } = await seedGroup(backend);
    const before = backend.snapshot();
    for (const input of [
      { groupId: group.id, name: 'Cara', role: 'owner' },
      { groupId: group.id, name: '' },
    ]) {
      expect(await backend.route('member.create', input)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
    }
    expect(backend.snapshot()).toBe(before);
  });

  it('lists nothing for an unknown group', async () => {
    const result = await backend.route('member.list', { groupId: UNKNOWN_ID });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
