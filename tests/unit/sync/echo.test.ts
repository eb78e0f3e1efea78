import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as bc from 'lib0/broadcastchannel';
import { Awareness } from 'y-protocols/awareness';
import { Room, type WebrtcConn, type WebrtcProvider } from 'y-webrtc';
import { chunkPeer, type PeerLike } from '../../../src/sync/chunking';
import { EchoGuard, skipOwnBroadcasts } from '../../../src/sync/echo';

/** A peer connection as y-webrtc keeps it, recording what is sent to it. */
interface FakeConn {
  peer: PeerLike;
  sent: Uint8Array[];
}

const rooms: Room[] = [];
afterEach(() => {
  for (const room of rooms.splice(0)) room.destroy();
});

/**
 * y-webrtc's own Room (no signaling, no WebRTC) with two fake peer connections wrapped as
 * sync/live.ts wraps them. Its document update handler sends to each connection's peer.
 */
function setUp(name: string): {
  room: Room;
  doc: Y.Doc;
  echo: EchoGuard;
  p1: FakeConn;
  p2: FakeConn;
} {
  const doc = new Y.Doc();
  const provider = { awareness: new Awareness(doc), peerOpts: {}, maxConns: 20 };
  const room = new Room(doc, provider as unknown as WebrtcProvider, name, null);
  rooms.push(room);
  room.connect();
  const echo = new EchoGuard(room);
  const conn = (id: string): FakeConn => {
    const c: FakeConn = {
      sent: [],
      peer: { send: (d) => void c.sent.push(d), emit: () => true },
    };
    chunkPeer(c.peer, {
      compression: false,
      receive: (_message, handle) => echo.receive(c.peer, handle),
      drop: () => echo.isEcho(c.peer),
    });
    room.webrtcConns.set(id, { peer: c.peer, destroy: () => undefined } as unknown as WebrtcConn);
    return c;
  };
  return { room, doc, echo, p1: conn('p1'), p2: conn('p2') };
}

/** An update from another copy: one value in `meta`. */
function remoteUpdate(key: string, value: string): Uint8Array {
  const other = new Y.Doc();
  other.getMap('meta').set(key, value);
  return Y.encodeStateAsUpdate(other);
}

describe('EchoGuard', () => {
  it('does not send an update back to the peer it came from; other peers get it', () => {
    const { room, doc, echo, p1, p2 } = setUp('echo-1');
    // Positive control: a local edit goes to both peers.
    doc.getMap('meta').set('local', 1);
    expect([p1.sent.length, p2.sent.length]).toEqual([1, 1]);
    // An update handled as p1's message (y-webrtc applies sync messages with the room as origin).
    echo.receive(p1.peer, () => Y.applyUpdate(doc, remoteUpdate('from', 'p1'), room));
    expect(doc.getMap('meta').get('from')).toBe('p1');
    expect([p1.sent.length, p2.sent.length]).toEqual([1, 2]);
    expect(echo.dropped).toBe(1);
  });

  it('still sends the sender what this copy writes while handling its message', () => {
    const { room, doc, echo, p1, p2 } = setUp('echo-2');
    const meta = doc.getMap('meta');
    meta.observe((event) => {
      if (event.transaction.origin === room && !meta.has('answer')) meta.set('answer', 42);
    });
    echo.receive(p1.peer, () => Y.applyUpdate(doc, remoteUpdate('from', 'p1'), room));
    // p1 gets the answer (one message), not its own update; p2 gets both.
    expect(p1.sent).toHaveLength(1);
    expect(p2.sent).toHaveLength(2);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(copy.getMap('meta').get('answer')).toBe(42);
  });

  it('sends the update back when the document had something pending before it', () => {
    const { room, doc, echo, p1, p2 } = setUp('echo-3');
    // An update that depends on one this copy never got is held as pending.
    const source = new Y.Doc();
    const text = source.getText('t');
    text.insert(0, 'a');
    const first = Y.encodeStateAsUpdate(source);
    const sv = Y.encodeStateVector(source);
    text.insert(1, 'b');
    const second = Y.encodeStateAsUpdate(source, sv);
    Y.applyUpdate(doc, second, room);
    expect(doc.store.pendingStructs).not.toBeNull();
    const before = [p1.sent.length, p2.sent.length];
    echo.receive(p1.peer, () => Y.applyUpdate(doc, first, room));
    expect(doc.getText('t').toString()).toBe('ab');
    // The update holds structs that came earlier, maybe from someone else: everyone gets it.
    expect(p1.sent.length).toBe((before[0] ?? 0) + 1);
    expect(p2.sent.length).toBe((before[1] ?? 0) + 1);
    expect(echo.dropped).toBe(0);
  });
});

describe('skipOwnBroadcasts', () => {
  it("reads other tabs' messages and skips this page's own", async () => {
    const name = 'bc-skip-test';
    const seen: unknown[] = [];
    const room = {
      doc: new Y.Doc(),
      name,
      _docUpdateHandler: () => undefined,
      _bcSubscriber: (data: ArrayBuffer, origin?: unknown) => void seen.push([data, origin]),
    };
    bc.subscribe(name, room._bcSubscriber);
    expect(skipOwnBroadcasts(room, bc)).toBe(true);
    bc.publish(name, new Uint8Array([1]));
    // Positive control: a message from another tab (another channel of the same name).
    const otherTab = new BroadcastChannel(name);
    const arrived = new Promise<void>((resolve) => {
      const sub = (): void => {
        bc.unsubscribe(name, sub);
        resolve();
      };
      bc.subscribe(name, sub);
    });
    otherTab.postMessage(new Uint8Array([2]));
    await arrived;
    otherTab.close();
    expect(seen).toHaveLength(1);
    expect((seen[0] as [Uint8Array, unknown])[1]).toBe('broadcastchannel');
    bc.unsubscribe(name, room._bcSubscriber);
  });

  it('changes nothing when the subscriber is not found', () => {
    const room = {
      doc: new Y.Doc(),
      name: 'bc-not-subscribed',
      _docUpdateHandler: () => undefined,
      _bcSubscriber: () => undefined,
    };
    const original = room._bcSubscriber;
    expect(skipOwnBroadcasts(room, bc)).toBe(false);
    expect(room._bcSubscriber).toBe(original);
  });
});
