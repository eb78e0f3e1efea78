/**
 * A Vite plugin that swaps three readers of lib0/decoding.js (strings, 32- and 64-bit floats)
 * for the faster ones of src/doc/lib0Readers.ts. The build fails when lib0's code no longer
 * reads as expected, so an upgrade cannot silently drop (or half-apply) the patch.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const READERS = fileURLToPath(new URL('../src/doc/lib0Readers.ts', import.meta.url));

/** lib0's code → ours, line for line. Each original must occur exactly once. */
const SWAPS: readonly (readonly [string, string])[] = [
  [
    'export const _readVarStringNative = decoder =>\n  /** @type any */ (string.utf8TextDecoder).decode(readVarUint8Array(decoder))',
    // Two lines as before: the code does not move, so lib0's source map still holds.
    'export const _readVarStringNative = decoder => {\n  const len = readVarUint(decoder); const s = __asciiAt(decoder.arr, decoder.pos, len); if (s === null) return /** @type any */ (string.utf8TextDecoder).decode(readUint8Array(decoder, len)); decoder.pos += len; return s }',
  ],
  [
    'export const readFloat32 = decoder => readFromDataView(decoder, 4).getFloat32(0, false)',
    'export const readFloat32 = decoder => { const v = __float32At(decoder.arr, decoder.pos); decoder.pos += 4; return v }',
  ],
  [
    'export const readFloat64 = decoder => readFromDataView(decoder, 8).getFloat64(0, false)',
    'export const readFloat64 = decoder => { const v = __float64At(decoder.arr, decoder.pos); decoder.pos += 8; return v }',
  ],
];

/** lib0/decoding.js's source with the faster readers; throws when a swap does not fit. */
export function patchDecoding(code: string, readers = READERS): string {
  let out = code;
  for (const [from, to] of SWAPS) {
    const at = out.indexOf(from);
    if (at < 0 || out.indexOf(from, at + 1) >= 0) {
      throw new Error(`fastDecoding: lib0/decoding.js changed; cannot find once: ${from}`);
    }
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  // On the first line (a comment's), so no line moves.
  const imports = `import { asciiAt as __asciiAt, float32At as __float32At, float64At as __float64At } from ${JSON.stringify(readers)};`;
  return imports + out;
}

const DECODING = /[\\/]node_modules[\\/]lib0[\\/]decoding\.js$/;

export function fastDecoding(): Plugin {
  return {
    name: 'lodestar-fast-decoding',
    enforce: 'pre',
    transform(code, id) {
      // map null: the code did not move (Rollup keeps lib0's own map).
      return DECODING.test(id.split('?')[0] ?? id)
        ? { code: patchDecoding(code), map: null }
        : null;
    },
  };
}
