/**
 * lib0's variable-length unsigned integer (7 bits a byte, low first), read from `bytes` at
 * `at.pos` (advanced past it); -1 when the bytes are cut short or it would not fit a safe
 * integer. For reading frames of peers without trusting them (lib0's decoder throws instead).
 */
export function readVarUint(bytes: Uint8Array, at: { pos: number }): number {
  let n = 0;
  let mult = 1;
  while (at.pos < bytes.length && mult <= 2 ** 49) {
    const b = bytes[at.pos++] as number;
    n += (b & 0x7f) * mult;
    if (b < 0x80) return n;
    mult *= 128;
  }
  return -1;
}
