/**
 * Faster readers for lib0's binary decoder, which Yjs uses to apply every stored and received
 * update (patched into lib0/decoding.js at build time by scripts/fastDecoding.ts).
 *
 * A workspace holds hundreds of thousands of short strings (map keys such as "2026-03-05",
 * notes, authors): lib0 decodes each through TextDecoder, whose fixed cost per call dominates
 * at that length (measured in Chromium: 300,000 short strings 52–86 ms, 10 ms read here). A
 * string of ASCII bytes is read directly; anything else still goes through TextDecoder, so
 * invalid UTF-8 fails exactly as before. Floats are read through one scratch DataView instead
 * of a new DataView per number.
 */

/** Longer strings are left to TextDecoder, which is faster once the call cost is shared. */
const MAX_DIRECT = 64;

/**
 * The `len` bytes at `pos` as a string when they are all ASCII and short; null otherwise (also
 * when they run past the end, so the caller's own read raises its error).
 */
export function asciiAt(arr: Uint8Array, pos: number, len: number): string | null {
  if (len > MAX_DIRECT || pos < 0 || pos + len > arr.length) return null;
  let s = '';
  for (let i = pos; i < pos + len; i++) {
    const c = arr[i] as number;
    if (c > 127) return null;
    s += String.fromCharCode(c);
  }
  return s;
}

const scratch = new DataView(new ArrayBuffer(8));

function load(arr: Uint8Array, pos: number, len: number): void {
  if (pos < 0 || pos + len > arr.length) throw new RangeError('Unexpected end of array');
  for (let i = 0; i < len; i++) scratch.setUint8(i, arr[pos + i] as number);
}

/** The big-endian 32-bit float at `pos` (as lib0 writes it). */
export function float32At(arr: Uint8Array, pos: number): number {
  load(arr, pos, 4);
  return scratch.getFloat32(0, false);
}

/** The big-endian 64-bit float at `pos` (as lib0 writes it). */
export function float64At(arr: Uint8Array, pos: number): number {
  load(arr, pos, 8);
  return scratch.getFloat64(0, false);
}
