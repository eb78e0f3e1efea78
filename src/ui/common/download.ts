/** Saving files made in the browser (exports, backups, calendar files): no server involved. */

export { exportFileName, fileSlug } from '../../domain/fileNames';

/** Offers text as a file download (a Blob behind an `<a download>`). */
export function downloadText(fileName: string, text: string, type: string): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** Offers bytes as a file download. */
export function downloadBytes(fileName: string, bytes: Uint8Array): void {
  downloadBlob(fileName, new Blob([bytes.slice()], { type: 'application/octet-stream' }));
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; a short delay is kind to slower browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function checkSize(file: File, maxBytes: number): void {
  if (file.size > maxBytes) {
    const mb = (n: number): string => `${Math.round(n / 1_000_000).toLocaleString()} MB`;
    throw new Error(
      `“${file.name}” is ${mb(file.size)}; the largest file Lodestar reads is ${mb(maxBytes)}. Nothing was changed.`,
    );
  }
}

/** Reads a chosen or dropped file as UTF-8 text, refusing files over `maxBytes`. */
export async function readTextFile(file: File, maxBytes: number): Promise<string> {
  checkSize(file, maxBytes);
  return file.text();
}

/** Reads a chosen or dropped file's bytes (to decode them as they are written), refusing files over `maxBytes`. */
export async function readFileBytes(file: File, maxBytes: number): Promise<Uint8Array> {
  checkSize(file, maxBytes);
  return new Uint8Array(await file.arrayBuffer());
}
