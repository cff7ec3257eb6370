// A file the chair picked, as the base64 text a pack travels in over IPC. Saving goes the other way
// through the host's `export.save`, which asks where with the save dialog.

export function base64FromBytes(bytes: Uint8Array): string {
  // In chunks: String.fromCharCode with a whole pack's bytes as arguments overflows the stack.
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) {
    chunks.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
  }
  return btoa(chunks.join(''));
}
