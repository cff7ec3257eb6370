// Files in and out of the renderer without Node: a download through a Blob and an <a download>
// (Electron and the browser shell both handle it), and a pack's bytes to and from base64.

export type DownloadKind = 'markdown' | 'html' | 'pack';

const MIME_TYPES: Record<DownloadKind, string> = {
  markdown: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
  pack: 'application/octet-stream',
};

/** Hands the content to the browser's download machinery under `fileName`. */
export function offerDownload(
  fileName: string,
  content: string | Uint8Array<ArrayBuffer>,
  kind: DownloadKind,
) {
  const url = URL.createObjectURL(new Blob([content], { type: MIME_TYPES[kind] }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by the next task; revoking it sooner can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function bytesFromBase64(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function base64FromBytes(bytes: Uint8Array): string {
  // In chunks: String.fromCharCode with a whole pack's bytes as arguments overflows the stack.
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) {
    chunks.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
  }
  return btoa(chunks.join(''));
}
