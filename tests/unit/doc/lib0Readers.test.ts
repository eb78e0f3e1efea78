import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { asciiAt, float32At, float64At } from '../../../src/doc/lib0Readers';
import { patchDecoding } from '../../../scripts/fastDecoding';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('asciiAt', () => {
  it('reads short ASCII strings at an offset', () => {
    const arr = bytes('xx2026-03-05yy');
    expect(asciiAt(arr, 2, 10)).toBe('2026-03-05');
    expect(asciiAt(arr, 0, 0)).toBe('');
  });
  it('leaves non-ASCII, long and out-of-range reads to the caller', () => {
    expect(asciiAt(bytes('Zoë'), 0, 4)).toBeNull();
    expect(asciiAt(bytes('a'.repeat(65)), 0, 65)).toBeNull();
    expect(asciiAt(bytes('a'.repeat(64)), 0, 64)).toBe('a'.repeat(64));
    expect(asciiAt(bytes('abc'), 1, 3)).toBeNull();
  });
});

describe('float readers', () => {
  it('read what lib0 writes, big-endian, at an offset', () => {
    const enc = encoding.createEncoder();
    encoding.writeUint8(enc, 7);
    encoding.writeFloat64(enc, 1733529600123.5);
    encoding.writeFloat32(enc, -0.25);
    const arr = encoding.toUint8Array(enc);
    expect(float64At(arr, 1)).toBe(1733529600123.5);
    expect(float32At(arr, 9)).toBe(-0.25);
  });
  it('throw past the end, as lib0 does', () => {
    expect(() => float64At(new Uint8Array(7), 0)).toThrow(RangeError);
    expect(() => float32At(new Uint8Array(8), 5)).toThrow(RangeError);
  });
});

describe('lib0 patched with the faster readers (scripts/fastDecoding.ts)', () => {
  it('fits the installed lib0 and refuses a lib0 it does not fit', () => {
    const source = readFileSync('node_modules/lib0/decoding.js', 'utf8');
    const patched = patchDecoding(source, '/readers.ts');
    expect(patched).toContain('__asciiAt(decoder.arr');
    expect(patched.split('\n').length).toBe(source.split('\n').length);
    expect(() => patchDecoding(source.replace('readFloat64 = decoder =>', 'x'))).toThrow(
      /lib0\/decoding\.js changed/,
    );
  });

  it('is the lib0 these tests run: strings and floats round-trip through it', () => {
    const enc = encoding.createEncoder();
    const strings = ['', '2026-W05', 'Zoë 🚀', 'a'.repeat(200), 'ü'.repeat(70)];
    for (const s of strings) encoding.writeVarString(enc, s);
    encoding.writeFloat64(enc, Math.PI);
    const dec = decoding.createDecoder(encoding.toUint8Array(enc));
    expect(strings.map(() => decoding.readVarString(dec))).toEqual(strings);
    expect(decoding.readFloat64(dec)).toBe(Math.PI);
    expect(decoding._readVarStringNative.toString()).toContain('asciiAt');
  });

  it('still refuses a string that runs past the end or is not UTF-8', () => {
    const past = decoding.createDecoder(Uint8Array.from([5, 97, 98]));
    expect(() => decoding.readVarString(past)).toThrow();
    const invalid = decoding.createDecoder(Uint8Array.from([2, 0xff, 0xfe]));
    expect(() => decoding.readVarString(invalid)).toThrow();
    const float = decoding.createDecoder(new Uint8Array(5));
    expect(() => decoding.readFloat64(float)).toThrow();
  });

  it('a document with many keys, notes and floats loads unchanged', () => {
    const a = new Y.Doc();
    const m = a.getMap<Y.Map<unknown>>('entries');
    a.transact(() => {
      const own = new Y.Map<unknown>();
      m.set('metric-ä', own);
      for (let i = 0; i < 500; i++)
        own.set(`2026-01-${i}`, [i * 1.1, i % 7 ? '' : `note ${i} é`, 'Zoë', 1733529600000 + i]);
    });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(b.getMap('entries').toJSON()).toEqual(m.toJSON());
  });
});
