import { describe, expect, it } from 'vitest';
import {
  docHealth,
  initWorkspace,
  migrate,
  schemaVersion,
  workspaceName,
} from '../../../src/doc/meta';
import { SCHEMA_VERSION } from '../../../src/doc/meta';
import { replica, syncAll } from './replicas';

describe('schema version and migrations', () => {
  it('initialises a new workspace at the current version', () => {
    const ws = replica(1);
    initWorkspace(ws, '  Acme  ');
    expect(workspaceName(ws)).toBe('Acme');
    expect(schemaVersion(ws)).toBe(SCHEMA_VERSION);
    expect(docHealth(ws)).toEqual({ kind: 'ok' });
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

  it('reports a newer or malformed document', () => {
    const ws = replica(1);
    ws.meta.set('schemaVersion', SCHEMA_VERSION + 1);
    expect(docHealth(ws)).toEqual({ kind: 'newer', version: SCHEMA_VERSION + 1 });
    ws.meta.set('schemaVersion', 'one');
    expect(docHealth(ws).kind).toBe('corrupt');
  });
});
