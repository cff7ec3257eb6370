// Whether an IPC message comes from Roundtable's own page: the top-level frame at app://roundtable.
// Node's URL gives custom schemes the origin 'null', so isAppUrl compares protocol and host.
import { isAppUrl } from './app-protocol';

export function isAppTopFrame(frame: { url: string; parent: unknown } | null | undefined): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && isAppUrl(frame.url);
}
