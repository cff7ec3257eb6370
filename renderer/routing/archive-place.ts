// Where "back to the archive" goes: the search the reader last had open, with its query and filters.
// Kept for the window's session, so a reload of a situation still knows it.
import { currentEntryState, navigate } from './hash-route';

const PLACE_KEY = 'roundtable.archivePlace';
let lastArchiveHash = '#/archive';

export function rememberArchivePlace(hash: string): void {
  lastArchiveHash = hash;
  try {
    window.sessionStorage.setItem(PLACE_KEY, hash);
  } catch {
    // Storage can be unavailable; the place then lasts until the page reloads.
  }
}

function archivePlace(): string {
  try {
    return window.sessionStorage.getItem(PLACE_KEY) ?? lastArchiveHash;
  } catch {
    return lastArchiveHash;
  }
}

/**
 * Back to the archive as the reader left it. When a result opened this page, that is simply the
 * previous history entry; otherwise (a related situation, a link from elsewhere) the last search is
 * opened anew.
 */
export function backToArchive(): void {
  if (currentEntryState().openedFromArchive) window.history.back();
  else navigate(archivePlace());
}
