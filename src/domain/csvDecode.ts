/** From the bytes of an imported file to its text: which encoding it is written in. */

/** How a file's bytes can be read. */
export type CsvEncoding = 'utf-8' | 'windows-1252' | 'latin-1' | 'utf-16le' | 'utf-16be';

export const ENCODING_NAMES: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252 (Excel on Windows)',
  'latin-1': 'Latin-1 (ISO 8859-1)',
  'utf-16le': 'UTF-16 LE (Excel “Unicode text”)',
  'utf-16be': 'UTF-16 BE',
};

export interface DecodedCsv {
  /** The text, without a byte order mark. */
  text: string;
  /** The encoding the text was read with: the choice, else the detected one. */
  encoding: CsvEncoding;
  /**
   * What the bytes look like: a BOM's encoding, else UTF-16 by its NUL pattern, else UTF-8 when
   * valid, else Windows-1252.
   */
  detected: CsvEncoding;
  /** How many U+FFFD replacement characters the text holds (bytes that could not be read). */
  unreadable: number;
}

const BOMS: ReadonlyArray<{ encoding: CsvEncoding; bytes: readonly number[] }> = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

function bomOf(bytes: Uint8Array): { encoding: CsvEncoding; length: number } | null {
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => bytes[i] === b)) {
      return { encoding: bom.encoding, length: bom.bytes.length };
    }
  }
  return null;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-16 without a byte order mark, by its NUL pattern: text in Latin letters has a zero byte
 * in every other byte, the odd ones in little-endian (41 00 = "A"), the even ones in big-endian.
 * At least 30% of the byte pairs in the first 4 KB must show it, and the other half hold almost
 * no NULs (a binary file has them everywhere).
 */
function utf16ByNuls(bytes: Uint8Array): CsvEncoding | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= 0.3 * pairs && even <= 0.02 * pairs) return 'utf-16le';
  if (even >= 0.3 * pairs && odd <= 0.02 * pairs) return 'utf-16be';
  return null;
}

/** The encoding the bytes are most likely written in (see DecodedCsv.detected). */
export function detectCsvEncoding(bytes: Uint8Array): CsvEncoding {
  return bomOf(bytes)?.encoding ?? utf16ByNuls(bytes) ?? (isUtf8(bytes) ? 'utf-8' : 'windows-1252');
}

/**
 * Windows-1252 at 0x80-0x9f (WHATWG Encoding: the five unassigned bytes are the C1 controls of
 * the same number); elsewhere it is ISO 8859-1. Decoded here rather than by TextDecoder, which
 * in some Node versions reads these bytes as Latin-1.
 */
const CP1252_HIGH: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** One byte, one character: Latin-1 (each byte is the code point of its number) or Windows-1252. */
function decodeSingleByte(bytes: Uint8Array, cp1252: boolean): string {
  const codes = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    codes[i] = cp1252 && b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] ?? b) : b;
  }
  let text = '';
  for (let i = 0; i < codes.length; i += 8192) {
    text += String.fromCharCode(...codes.subarray(i, i + 8192));
  }
  return text;
}

function decodeWith(bytes: Uint8Array, encoding: CsvEncoding): string {
  if (encoding === 'latin-1') return decodeSingleByte(bytes, false);
  if (encoding === 'windows-1252') return decodeSingleByte(bytes, true);
  return new TextDecoder(encoding).decode(bytes);
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/**
 * Reads a file's bytes as text. Without a choice the encoding is detected: a byte order mark
 * (UTF-8, UTF-16 LE or BE) decides; otherwise bytes that are valid UTF-8 are UTF-8, and any
 * other bytes are Windows-1252 (what Excel on Windows saves as “CSV”). A choice is always
 * used; a BOM of the chosen encoding is left out of the text. Bytes the encoding cannot read
 * become U+FFFD, counted in `unreadable` (the import refuses rows holding one).
 */
export function decodeCsvBytes(bytes: Uint8Array, choice?: CsvEncoding): DecodedCsv {
  const detected = detectCsvEncoding(bytes);
  const encoding = choice ?? detected;
  const bom = bomOf(bytes);
  const body = bom && bom.encoding === encoding ? bytes.subarray(bom.length) : bytes;
  const text = decodeWith(body, encoding).replace(/^\ufeff/, '');
  return { text, encoding, detected, unreadable: countReplacements(text) };
}
