import { describe, expect, it } from 'vitest';
import { initWorkspace, migrate, schemaVersion, workspaceName } from '../../../src/doc/meta';
import { SCHEMA_VERSION } from '../../../src/doc/meta';
import { replica, syncAll } from './replicas';

describe('schema version and migrations', () => {
  it('initialises a new workspace at the current version', () => {
    const ws = replica(1);
    initWorkspace(ws, '  Acme  ');
    expect(workspaceName(ws)).toBe('Acme');
    expect(schemaVersion(ws)).toBe(SCHEMA_VERSION);
  });

  it('migrates an unversioned document, idempotently, keeping existing values', () => {
    const ws = replica(1);
    ws.meta.set('createdAt', 123);
    migrate(ws);
    migrate(ws);
    expect(schemaVersion(ws)).toBe(SCHEMA_VERSION);
    expect(ws.meta.get('createdAt')).toBe(123);
  });

  it('migrations on two offline peers merge without clobbering', () => {
    const a = replica(1);
    const b = replica(2);
    a.meta.set('name', 'Real name');
    migrate(a);
    migrate(b);
    syncAll([a, b]);
    expect(workspaceName(b)).toBe('Real name');
    expect(schemaVersion(b)).toBe(SCHEMA_VERSION);
  });

  it('never lowers or replaces a version it does not know, yet adds what is missing', () => {
    const ws = replica(1);
    ws.meta.set('schemaVersion', 999);
    migrate(ws);
    expect(schemaVersion(ws)).toBe(999);
    expect(typeof ws.meta.get('createdAt')).toBe('number');
    const junk = replica(2);
    junk.meta.set('schemaVersion', 'one');
    junk.meta.set('createdAt', 7);
    migrate(junk);
    expect(junk.meta.get('schemaVersion')).toBe('one');
    expect(junk.meta.get('createdAt')).toBe(7);
  });

  it('a copy that really is newer keeps its version after an older copy migrates and merges', () => {
    const older = replica(1);
    initWorkspace(older, 'Shared');
    const newer = replica(2);
    syncAll([older, newer]);
    newer.meta.set('schemaVersion', SCHEMA_VERSION + 1); // a newer Lodestar migrated its copy
    syncAll([older, newer]);
    migrate(older);
    migrate(older);
    syncAll([older, newer]);
    expect(schemaVersion(older)).toBe(SCHEMA_VERSION + 1);
    expect(schemaVersion(newer)).toBe(SCHEMA_VERSION + 1);
  });
});
