// @ts-check
/**
 * Draws Lodestar's app icons (a warm gold compass star on a deep navy square) and writes them as
 * PNG files, with no dependencies beyond Node's built-ins. Run: node scripts/make-icons.mjs
 *
 * Writes public/icons/icon-192.png, icon-512.png (rounded square, transparent corners) and
 * icon-maskable-512.png (full-bleed background, star inside the central 80% safe zone).
 * public/favicon.svg is written by hand with the same geometry.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

/** @typedef {[number, number, number, number]} Rgba */
/** @typedef {[number, number]} Point */

/** @type {Rgba} */
const NAVY = [0x1d, 0x2b, 0x53, 255];
/** @type {Rgba} */
const GOLD = [0xf5, 0xc5, 0x42, 255];

/** Samples per pixel along each axis (SUPERSAMPLE² samples per pixel). */
const SUPERSAMPLE = 4;

/**
 * The star, in units of the icon's size around its centre: long points north, east, south and
 * west, short points on the diagonals, and narrow waists between them.
 * @param {number} scale 1 = the star as drawn on the plain icon
 * @returns {Point[]}
 */
function starPolygon(scale) {
  const longPoint = 0.38 * scale;
  const shortPoint = 0.18 * scale;
  const waist = 0.09 * scale;
  /** @type {Point[]} */
  const points = [];
  for (let k = 0; k < 16; k++) {
    const angle = (k * Math.PI) / 8;
    const radius = k % 2 === 1 ? waist : k % 4 === 0 ? longPoint : shortPoint;
    points.push([0.5 + radius * Math.sin(angle), 0.5 - radius * Math.cos(angle)]);
  }
  return points;
}

/**
 * Even-odd point-in-polygon test.
 * @param {number} x
 * @param {number} y
 * @param {Point[]} polygon
 */
function insidePolygon(x, y, polygon) {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = /** @type {Point} */ (polygon[i]);
    const [xj, yj] = /** @type {Point} */ (polygon[j]);
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Whether (x, y) lies in the unit square with corners rounded to the given radius.
 * @param {number} x
 * @param {number} y
 * @param {number} radius
 */
function insideRoundedSquare(x, y, radius) {
  if (x < 0 || x > 1 || y < 0 || y > 1) return false;
  const dx = Math.max(radius - x, x - (1 - radius), 0);
  const dy = Math.max(radius - y, y - (1 - radius), 0);
  return dx * dx + dy * dy <= radius * radius;
}

/**
 * Renders the icon as straight (non-premultiplied) RGBA pixels.
 * @param {number} size width and height in pixels
 * @param {{ maskable: boolean }} options
 * @returns {Uint8Array}
 */
function render(size, { maskable }) {
  // Maskable icons are cropped to as little as a circle of 40% radius: keep the star inside it.
  const star = starPolygon(maskable ? 0.8 : 1);
  const cornerRadius = 0.2;
  const pixels = new Uint8Array(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let background = 0;
      let gold = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (insidePolygon(x, y, star)) gold++;
          else if (maskable || insideRoundedSquare(x, y, cornerRadius)) background++;
        }
      }
      const covered = background + gold;
      const offset = (py * size + px) * 4;
      if (covered === 0) continue;
      for (let c = 0; c < 3; c++) {
        const sum =
          /** @type {number} */ (NAVY[c]) * background + /** @type {number} */ (GOLD[c]) * gold;
        pixels[offset + c] = Math.round(sum / covered);
      }
      pixels[offset + 3] = Math.round((255 * covered) / samples);
    }
  }
  return pixels;
}

/** CRC-32 (the PNG/zlib polynomial), table-driven. */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** @param {Uint8Array} bytes */
function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc = /** @type {number} */ (CRC_TABLE[(crc ^ byte) & 0xff]) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * One PNG chunk: length, type, data, CRC of type and data.
 * @param {string} type four ASCII letters
 * @param {Uint8Array} data
 */
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * Encodes 8-bit RGBA pixels as a PNG file.
 * @param {number} width
 * @param {number} height
 * @param {Uint8Array} rgba
 */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: truecolour with alpha
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method: adaptive
  header[12] = 0; // interlace: none
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type: none
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

const iconsDir = fileURLToPath(new URL('../public/icons/', import.meta.url));
mkdirSync(iconsDir, { recursive: true });

/** @type {{ file: string, size: number, maskable: boolean }[]} */
const icons = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];

for (const { file, size, maskable } of icons) {
  writeFileSync(iconsDir + file, encodePng(size, size, render(size, { maskable })));
  console.log(`wrote public/icons/${file}`);
}
