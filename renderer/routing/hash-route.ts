// A small hash router: the place in the app lives in location.hash, so reload keeps it and the
// browser's back and forward buttons work. Links change the hash as usual; code that must choose
// between a new history entry and replacing the current one (typing a search) calls navigate().
import { useSyncExternalStore } from 'react';
import { parseArchiveSearch, type ArchiveSearch } from './archive-search';

export type Route =
  | { page: 'meetings' }
  | { page: 'archive'; search: ArchiveSearch }
  | { page: 'tags' }
  | { page: 'members' }
  /** Archive tools; `meetingId` preselects the meeting whose notes to export. */
  | { page: 'tools'; meetingId: string | null }
  | { page: 'member'; id: string }
  | { page: 'situation'; id: string }
  | { page: 'meeting'; id: string }
  | { page: 'present'; id: string }
  | { page: 'not-found'; hash: string };

export type Page = Route['page'];

/** The pages that show one record, by the first part of their path. */
const RECORD_PAGES: Record<string, 'situation' | 'member' | 'meeting' | 'present'> = {
  situations: 'situation',
  members: 'member',
  meetings: 'meeting',
  present: 'present',
};

export function parseRoute(hash: string): Route {
  const [rawPath = '', queryString = ''] = hash.replace(/^#/, '').split('?', 2);
  const path = rawPath.replace(/\/+$/, '');
  if (path === '' || path === '/meetings') return { page: 'meetings' };
  if (path === '/archive') return { page: 'archive', search: parseArchiveSearch(queryString) };
  if (path === '/tags') return { page: 'tags' };
  if (path === '/members') return { page: 'members' };
  if (path === '/tools') {
    const meetingId = new URLSearchParams(queryString).get('meeting');
    return { page: 'tools', meetingId: meetingId || null };
  }
  const record = /^\/(situations|members|meetings|present)\/([^/]+)$/.exec(path);
  if (record?.[1] && record[2]) {
    let id: string;
    try {
      id = decodeURIComponent(record[2]);
    } catch {
      return { page: 'not-found', hash };
    }
    return { page: RECORD_PAGES[record[1]] ?? 'situation', id };
  }
  return { page: 'not-found', hash };
}

type LinkTarget =
  | { page: 'meetings' | 'archive' | 'tags' | 'members' | 'tools' }
  | { page: 'tools'; meetingId: string }
  | { page: 'situation' | 'member' | 'meeting' | 'present'; id: string };

/** The hash of a page. An archive search has its own: archiveHref(). */
export function hrefTo(target: LinkTarget): string {
  switch (target.page) {
    case 'situation':
      return `#/situations/${encodeURIComponent(target.id)}`;
    case 'member':
      return `#/members/${encodeURIComponent(target.id)}`;
    case 'meeting':
      return `#/meetings/${encodeURIComponent(target.id)}`;
    case 'present':
      return `#/present/${encodeURIComponent(target.id)}`;
    case 'tools':
      return 'meetingId' in target
        ? `#/tools?${new URLSearchParams({ meeting: target.meetingId })}`
        : '#/tools';
    default:
      return `#/${target.page}`;
  }
}

/** What a history entry remembers about how it was reached. */
export interface EntryState {
  /** Set when a result in the archive opened this entry, so "back to the archive" is history.back(). */
  openedFromArchive?: boolean;
}

export function currentEntryState(): EntryState {
  const state: unknown = window.history.state;
  return typeof state === 'object' && state !== null ? state : {};
}

const listeners = new Set<() => void>();

/**
 * Moves to a hash. `replace` rewrites the current entry (typing into the search box), otherwise a
 * new entry is pushed (a filter changed, a result opened). Neither fires hashchange, so listeners
 * are told here.
 */
export function navigate(hash: string, options: { replace?: boolean; state?: EntryState } = {}): void {
  if (hash === window.location.hash && options.replace) return;
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  if (options.replace) window.history.replaceState(options.state ?? window.history.state, '', url);
  else window.history.pushState(options.state ?? null, '', url);
  for (const listener of listeners) listener();
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
}

function currentHash(): string {
  return window.location.hash;
}

/** The hash is the snapshot, so React compares a string; parsing happens per render. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, currentHash);
}

export function useRoute(): Route {
  return parseRoute(useHash());
}
