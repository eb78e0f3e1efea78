import { MAX_NAME } from './validate';

/**
 * How copies meet: peer to peer, or through a sync server the team runs (y-websocket's protocol,
 * or Hocuspocus's, which prefixes every message with the document name; they do not interoperate).
 */
export type SyncProvider = 'webrtc' | 'websocket' | 'hocuspocus';

/** Whether a provider goes through a sync server (and so needs its address). */
export function usesServer(provider: SyncProvider): boolean {
  return provider !== 'webrtc';
}

/** Everything a share link carries (docs/ARCHITECTURE.md). */
export interface ShareInfo {
  workspaceId: string;
  /** 32 random bytes in base64url, 43 characters, no padding: encrypts all traffic. */
  key: string;
  name: string;
  /** 0..5 ws:// or wss:// signaling addresses (used by the webrtc provider). */
  signaling: string[];
  provider: SyncProvider;
  /** The sync server; required when the provider goes through one (`usesServer`). */
  websocketUrl: string | null;
  turn: { url: string; username: string; credential: string } | null;
}

export type ParseResult = { ok: true; info: ShareInfo } | { ok: false; error: string };

export const MAX_SIGNALING = 5;
const MAX_URL = 300;
const MAX_TURN_SECRET = 200;
/** Far above the longest valid link (a 300-character name of 4-byte characters, 7 addresses). */
const MAX_LINK = 16_000;
const MAX_PARAMS = 40;
const PREFIX = '#/join/';
const WORKSPACE_ID = /^[0-9a-z]{8,40}$/;
/**
 * 43 base64url characters hold 258 bits; a 32-byte key leaves the last character's two low
 * bits zero, so only 16 characters may end it. This makes the text of a key canonical.
 */
const KEY = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;
/** A TURN URI (RFC 7065): host or [IPv6], optional port and transport. */
const TURN_URL =
  /^turns?:(?:\[[0-9A-Fa-f:.]{2,45}\]|[A-Za-z0-9.-]{1,253})(?::\d{1,5})?(?:\?transport=(?:udp|tcp))?$/;

export function isKey(s: string): boolean {
  return KEY.test(s);
}

export function isWorkspaceId(s: string): boolean {
  return WORKSPACE_ID.test(s);
}

/** A ws:// or wss:// address with a host, no credentials, no fragment and no spaces. */
export function isSocketUrl(s: string): boolean {
  if (s.length === 0 || s.length > MAX_URL || /\s/.test(s)) return false;
  if (!/^wss?:\/\//i.test(s)) return false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f || s[i] === '#') return false;
  }
  try {
    const url = new URL(s);
    return (
      (url.protocol === 'ws:' || url.protocol === 'wss:') &&
      url.hostname !== '' &&
      url.username === '' &&
      url.password === ''
    );
  } catch {
    return false;
  }
}

export function isTurnUrl(s: string): boolean {
  return s.length <= MAX_URL && TURN_URL.test(s);
}

/**
 * Writes the link. The key goes last, and has a fixed length, so a link cut short anywhere
 * (a chat app wrapping it, a partial copy) loses or damages the key and is refused, instead
 * of being read as a different valid link (with fewer addresses, or a shorter name).
 * The webrtc provider is the default and is not written. Values are percent-encoded, so
 * '&', '#', '?' and '=' in a name cannot break the structure.
 */
export function formatShareLink(base: string, info: ShareInfo): string {
  const params: [string, string][] = [['n', info.name]];
  for (const s of info.signaling) params.push(['s', s]);
  if (info.provider !== 'webrtc') params.push(['p', info.provider]);
  if (info.websocketUrl !== null) params.push(['w', info.websocketUrl]);
  if (info.turn) {
    params.push(['t', info.turn.url], ['tu', info.turn.username], ['tc', info.turn.credential]);
  }
  params.push(['k', info.key]);
  const query = params.map(([k, v]) => `${k}=${encodeURIComponent(wellFormed(v))}`).join('&');
  return `${base.replace(/#.*$/s, '')}${PREFIX}${info.workspaceId}?${query}`;
}

/** Replaces lone surrogates, which encodeURIComponent refuses, with U+FFFD. */
function wellFormed(s: string): string {
  return s.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd',
  );
}

const fail = (error: string): ParseResult => ({ ok: false, error });

/** Splits `a=1&b=2` into decoded pairs; null when a %-escape is broken. */
function readParams(query: string): Map<string, string[]> | null {
  const out = new Map<string, string[]>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    let value: string;
    try {
      value = decodeURIComponent(eq < 0 ? '' : part.slice(eq + 1));
    } catch {
      return null;
    }
    const list = out.get(name);
    if (list) list.push(value);
    else out.set(name, [value]);
  }
  return out;
}

/**
 * Parses a share link's fragment (starting with '#/join/'), or a whole link (everything
 * before the first '#' is ignored; names are percent-encoded so a raw '#' starts the
 * fragment). Only surrounding whitespace is trimmed. Every part is validated and every
 * refusal says what is wrong in words a user can act on. Unknown parameters are ignored,
 * so a newer version may add some; a known one given twice is refused.
 */
export function parseShareFragment(fragment: string): ParseResult {
  const notOurs = 'This is not a Lodestar share link';
  if (fragment.length > MAX_LINK) return fail('This link is too long to be a Lodestar share link');
  const trimmed = fragment.trim();
  const hash = trimmed.indexOf('#');
  if (hash < 0) return fail(notOurs);
  const text = trimmed.slice(hash);
  if (!text.startsWith(PREFIX)) return fail(notOurs);
  const rest = text.slice(PREFIX.length);
  const q = rest.indexOf('?');
  const workspaceId = q < 0 ? rest : rest.slice(0, q);
  if (workspaceId === '') return fail('This link is cut short: the workspace id is missing');
  if (!isWorkspaceId(workspaceId)) return fail('The workspace id in this link is damaged');
  if (q < 0) return fail('This link is cut short: the key is missing');

  const query = rest.slice(q + 1);
  if (query.split('&').length > MAX_PARAMS) return fail(notOurs);
  const params = readParams(query);
  if (!params) return fail('This link is damaged: it has a broken %-escape');
  for (const name of ['k', 'n', 'p', 'w', 't', 'tu', 'tc']) {
    if ((params.get(name)?.length ?? 0) > 1) {
      return fail(`This link is damaged: the "${name}" part appears twice`);
    }
  }
  const one = (name: string): string | null => params.get(name)?.[0] ?? null;

  const key = one('k');
  if (key === null || key === '') return fail('This link is cut short: the key is missing');
  if (key.length !== 43)
    return fail('The key in this link is damaged (it should be 43 characters)');
  if (!isKey(key))
    return fail('The key in this link is damaged (it has characters a key cannot have)');

  const name = one('n') ?? '';
  if (name.length > MAX_NAME) {
    return fail(`The workspace name in this link is longer than ${MAX_NAME} characters`);
  }

  const signaling = params.get('s') ?? [];
  if (signaling.length > MAX_SIGNALING) {
    return fail(`This link has more than ${MAX_SIGNALING} signaling addresses`);
  }
  if (!signaling.every(isSocketUrl)) {
    return fail('A signaling address in this link is not a ws:// or wss:// address');
  }

  const p = one('p') ?? 'webrtc';
  if (p !== 'webrtc' && p !== 'websocket' && p !== 'hocuspocus') {
    return fail('This link names a sync method this version of Lodestar does not know; update it');
  }
  const websocketUrl = one('w');
  if (websocketUrl !== null && !isSocketUrl(websocketUrl)) {
    return fail('The sync server address in this link is not a ws:// or wss:// address');
  }
  if (usesServer(p) && websocketUrl === null) {
    return fail('This link says to sync through a server but gives no server address');
  }

  const turnUrl = one('t');
  const username = one('tu');
  const credential = one('tc');
  let turn: ShareInfo['turn'] = null;
  if (turnUrl !== null) {
    if (!isTurnUrl(turnUrl))
      return fail('The TURN server in this link is not a turn: or turns: address');
    if (username === null || credential === null) {
      return fail('The TURN server in this link lacks its user name or password');
    }
    if (username.length > MAX_TURN_SECRET || credential.length > MAX_TURN_SECRET) {
      return fail('The TURN user name or password in this link is too long');
    }
    turn = { url: turnUrl, username, credential };
  } else if (username !== null || credential !== null) {
    return fail('This link has a TURN user name or password but no TURN server');
  }

  return {
    ok: true,
    info: { workspaceId, key, name, signaling, provider: p, websocketUrl, turn },
  };
}
