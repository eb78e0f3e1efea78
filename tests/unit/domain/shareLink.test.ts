import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatShareLink,
  isKey,
  parseShareFragment,
  type ShareInfo,
} from '../../../src/domain/shareLink';

const BASE = 'https://lodestar.example/app/';
const KEY = Buffer.alloc(32, 7).toString('base64url');

function info(patch: Partial<ShareInfo> = {}): ShareInfo {
  return {
    workspaceId: 'abc123def456',
    key: KEY,
    name: 'Growth team',
    signaling: ['wss://signal.example.org'],
    provider: 'webrtc',
    websocketUrl: null,
    turn: null,
    ...patch,
  };
}

const fragmentOf = (link: string): string => link.slice(link.indexOf('#'));

function errorOf(fragment: string): string {
  const result = parseShareFragment(fragment);
  if (result.ok) throw new Error('accepted: ' + fragment);
  return result.error;
}

const socketUrl = fc
  .tuple(
    fc.constantFrom('ws', 'wss'),
    fc.domain(),
    fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
    fc.constantFrom('', '/', '/signal', '/a/b?room=x&y=%20'),
  )
  .map(([scheme, host, port, path]) => `${scheme}://${host}${port ? ':' + port : ''}${path}`)
  .filter((s) => s.length <= 300);

const nameArb = fc
  .oneof(
    fc.string({ unit: 'grapheme', maxLength: 120 }),
    fc.string({
      unit: fc.constantFrom(
        '&',
        '#',
        '?',
        '=',
        ' ',
        '%',
        '+',
        '/',
        'é',
        '😀',
        '中',
        'a',
        '\n',
        '%2',
      ),
      maxLength: 80,
    }),
  )
  .filter((s) => s.length <= 300);

const secret = fc.string({ unit: 'grapheme', maxLength: 60 }).filter((s) => s.length <= 200);

const shareInfo: fc.Arbitrary<ShareInfo> = fc
  .record({
    workspaceId: fc.stringMatching(/^[0-9a-z]{8,40}$/),
    key: fc
      .uint8Array({ minLength: 32, maxLength: 32 })
      .map((b) => Buffer.from(b).toString('base64url')),
    name: nameArb,
    signaling: fc.array(socketUrl, { maxLength: 5 }),
    provider: fc.constantFrom('webrtc' as const, 'websocket' as const, 'hocuspocus' as const),
    websocketUrl: socketUrl,
    turn: fc.option(
      fc.record({
        url: fc
          .tuple(fc.constantFrom('turn', 'turns'), fc.domain(), fc.constantFrom('', ':3478'))
          .map(([s, h, p]) => `${s}:${h}${p}`),
        username: secret,
        credential: secret,
      }),
      { nil: null },
    ),
  })
  .map((i) => ({ ...i, websocketUrl: i.provider !== 'webrtc' ? i.websocketUrl : null }));

describe('share links', () => {
  it('round-trips any valid info, as a fragment and as a whole link', () => {
    fc.assert(
      fc.property(shareInfo, (i) => {
        const link = formatShareLink(BASE, i);
        expect(link.startsWith(BASE + '#/join/')).toBe(true);
        expect(parseShareFragment(fragmentOf(link))).toEqual({ ok: true, info: i });
        expect(parseShareFragment(`  ${link}\n`)).toEqual({ ok: true, info: i });
      }),
      { numRuns: 600 },
    );
  });

  it('never reads a link cut short as a different valid link', () => {
    fc.assert(
      fc.property(shareInfo, (i) => {
        const link = formatShareLink(BASE, i);
        for (let end = 0; end <= link.length; end++) {
          const result = parseShareFragment(link.slice(0, end));
          if (result.ok) expect(result.info).toEqual(i);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('writes the key last and omits the default provider', () => {
    const link = formatShareLink(BASE + '#/old', info({ name: 'A&B #1 ?=' }));
    expect(link).toBe(
      `${BASE}#/join/abc123def456?n=A%26B%20%231%20%3F%3D&s=wss%3A%2F%2Fsignal.example.org&k=${KEY}`,
    );
  });

  it('reads parameters in any order and ignores unknown ones', () => {
    const result = parseShareFragment(
      `#/join/abc123def456?k=${KEY}&x=1&n=Team&&s=ws://127.0.0.1:4444`,
    );
    expect(result).toEqual({
      ok: true,
      info: info({ name: 'Team', signaling: ['ws://127.0.0.1:4444'] }),
    });
  });

  it('knows what a key looks like', () => {
    expect(isKey(KEY)).toBe(true);
    expect(isKey(KEY.slice(1))).toBe(false);
    expect(isKey(KEY.slice(0, 42) + 'B')).toBe(false); // bits past the 32nd byte
    expect(isKey(KEY.slice(0, 42) + '=')).toBe(false);
    expect(isKey(KEY.slice(0, 41) + '+A')).toBe(false);
  });
});

describe('share link errors', () => {
  const id = 'abc123def456';
  it.each([
    ['', 'This is not a Lodestar share link'],
    ['https://example.org/', 'This is not a Lodestar share link'],
    ['#/workspace/abc123def456', 'This is not a Lodestar share link'],
    ['#/join/', 'This link is cut short: the workspace id is missing'],
    ['#/join/ABC123DEF456?k=' + KEY, 'The workspace id in this link is damaged'],
    ['#/join/abc?k=' + KEY, 'The workspace id in this link is damaged'],
    [`#/join/${id}`, 'This link is cut short: the key is missing'],
    [`#/join/${id}?n=x`, 'This link is cut short: the key is missing'],
    [`#/join/${id}?n=x&k`, 'This link is cut short: the key is missing'],
    [
      `#/join/${id}?k=${KEY.slice(0, 20)}`,
      'The key in this link is damaged (it should be 43 characters)',
    ],
    [
      `#/join/${id}?k=${KEY.slice(0, 42)}!`,
      'The key in this link is damaged (it has characters a key cannot have)',
    ],
    [`#/join/${id}?k=${KEY}&k=${KEY}`, 'This link is damaged: the "k" part appears twice'],
    [`#/join/${id}?n=%E0%A4&k=${KEY}`, 'This link is damaged: it has a broken %-escape'],
    [
      `#/join/${id}?n=${'x'.repeat(301)}&k=${KEY}`,
      'The workspace name in this link is longer than 300 characters',
    ],
    [
      `#/join/${id}?s=https://a.org&k=${KEY}`,
      'A signaling address in this link is not a ws:// or wss:// address',
    ],
    [
      `#/join/${id}?s=wss://&k=${KEY}`,
      'A signaling address in this link is not a ws:// or wss:// address',
    ],
    [
      `#/join/${id}?s=wss://u:p@a.org&k=${KEY}`,
      'A signaling address in this link is not a ws:// or wss:// address',
    ],
    [
      `#/join/${id}?s=wss%3A%2F%2Fa%20b.org&k=${KEY}`,
      'A signaling address in this link is not a ws:// or wss:// address',
    ],
    [
      `#/join/${id}?${'s=ws://a.org&'.repeat(6)}k=${KEY}`,
      'This link has more than 5 signaling addresses',
    ],
    [
      `#/join/${id}?p=carrier-pigeon&k=${KEY}`,
      'This link names a sync method this version of Lodestar does not know; update it',
    ],
    [
      `#/join/${id}?p=websocket&k=${KEY}`,
      'This link says to sync through a server but gives no server address',
    ],
    [
      `#/join/${id}?p=websocket&w=http://a.org&k=${KEY}`,
      'The sync server address in this link is not a ws:// or wss:// address',
    ],
    [
      `#/join/${id}?t=http://a.org&tu=u&tc=c&k=${KEY}`,
      'The TURN server in this link is not a turn: or turns: address',
    ],
    [
      `#/join/${id}?t=turn:a.org&tu=u&k=${KEY}`,
      'The TURN server in this link lacks its user name or password',
    ],
    [
      `#/join/${id}?tu=u&tc=c&k=${KEY}`,
      'This link has a TURN user name or password but no TURN server',
    ],
    [
      `#/join/${id}?t=turn:a.org&tu=${'u'.repeat(201)}&tc=c&k=${KEY}`,
      'The TURN user name or password in this link is too long',
    ],
  ])('refuses %j', (fragment, message) => {
    expect(errorOf(fragment)).toBe(message);
  });

  it('accepts a websocket server and a TURN server', () => {
    const i = info({
      provider: 'websocket',
      websocketUrl: 'wss://sync.example.org/yjs',
      turn: { url: 'turns:turn.example.org:5349?transport=tcp', username: 'u', credential: 'p&=#' },
    });
    expect(parseShareFragment(fragmentOf(formatShareLink(BASE, i)))).toEqual({ ok: true, info: i });
  });

  it('carries a Hocuspocus server as p=hocuspocus and needs its address', () => {
    const i = info({ provider: 'hocuspocus', websocketUrl: 'wss://sync.example.org' });
    const link = formatShareLink(BASE, i);
    expect(link).toContain('&p=hocuspocus&w=wss%3A%2F%2Fsync.example.org&k=');
    expect(parseShareFragment(fragmentOf(link))).toEqual({ ok: true, info: i });
    expect(errorOf(`#/join/${id}?p=hocuspocus&k=${KEY}`)).toBe(
      'This link says to sync through a server but gives no server address',
    );
  });

  it('refuses hostile long inputs quickly', () => {
    const hostile = [
      '#/join/' + 'a'.repeat(1_000_000),
      `#/join/${id}?` + '&'.repeat(15_000) + `k=${KEY}`,
      `#/join/${id}?n=` + '%'.repeat(15_000) + `&k=${KEY}`,
      `#/join/${id}?s=wss://` + 'a.'.repeat(7_000) + `&k=${KEY}`,
      `#/join/${id}?t=turn:` + 'a'.repeat(10_000) + `!&tu=u&tc=c&k=${KEY}`,
      ' '.repeat(100_000) + '#',
      '#/join/'.repeat(2_000),
    ];
    for (const h of hostile) expect(parseShareFragment(h).ok).toBe(false);
  });
});
