import * as Y from 'yjs';

/**
 * What a peer holding the key writes to flood a map of records (issue "History, activity and
 * recovery": 20,000 junk keys in `metrics`, of which 3,333 read as "(unnamed)" metrics): six
 * kinds in turn, the sixth a Y.Map of junk fields whose parent is the next junk key. Only yjs,
 * so the plain peer of the e2e tests (tests/e2e/support/plainPeerEntry.ts) writes the same.
 * Call it inside a transaction. Returns the keys written.
 */
export function writeJunk(map: Y.Map<unknown>, count: number, prefix = 'junk-'): string[] {
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    const key = `${prefix}${i}`;
    keys.push(key);
    switch (i % 6) {
      case 0:
        map.set(key, i);
        break;
      case 1:
        map.set(key, `junk ${i}`);
        break;
      case 2:
        map.set(key, [i, { kind: 'input' }]);
        break;
      case 3:
        map.set(key, { name: `looks like a record ${i}`, kind: 'input' });
        break;
      case 4:
        map.set(key, new Y.Text(`text ${i}`));
        break;
      default: {
        const record = new Y.Map<unknown>();
        record.set('name', i);
        record.set('kind', []);
        record.set('parentId', `${prefix}${i + 1}`);
        record.set('order', i);
        record.set('movedAt', 'x');
        map.set(key, record);
      }
    }
  }
  return keys;
}
