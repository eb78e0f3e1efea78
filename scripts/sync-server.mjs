// Lodestar's sync server, for teams past a peer-to-peer mesh: `npm run sync-server`.
// It is existing engines configured, not a protocol of ours:
//   - Hocuspocus (@hocuspocus/server) by default, or y-websocket's server with --y-websocket;
//   - the credential check: a client is let in only when SHA-256("lodestar-server-document:" +
//     its token), in base64url, equals the document name it asks for (src/sync/keys.ts derives
//     both from the workspace key), so the server stores no secret and a client that knows the
//     signaling room name, or even the document name, but not the key gets nothing;
//   - Hocuspocus documents are kept in a SQLite file (the table of @hocuspocus/extension-sqlite)
//     through @hocuspocus/extension-database and sql.js (SQLite in wasm: the native sqlite3
//     module needs an install script and a compiler);
//   - with a Redis address, @hocuspocus/extension-redis, so several instances behind a load
//     balancer serve the same documents.
// The server reads everything it is sent: this is not end-to-end encrypted. Run it behind a
// TLS reverse proxy (wss://); see the README, "Sync servers".
//
// Settings (a flag wins over its variable):
//   --port N        PORT        port to listen on (default 1234)
//   --host H        HOST        address to listen on (default 127.0.0.1; 0.0.0.0 for all)
//   --db FILE       SYNC_DB     SQLite file (default ./lodestar-sync.sqlite); one per instance
//   --redis URL     REDIS_URL   redis://[:password@]host[:port][/db]; or REDIS_HOST, REDIS_PORT
//   --y-websocket               speak y-websocket's protocol instead (documents in memory only)
import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** Must equal SERVER_DOCUMENT_LABEL in src/sync/keys.ts. */
const DOCUMENT_LABEL = 'lodestar-server-document:';

/**
 * Whether `token` opens `documentName`: base64url(SHA-256(label + token)) === documentName,
 * compared in constant time. Anything that is not a string of sane length is refused.
 * @param {unknown} token
 * @param {unknown} documentName
 * @returns {boolean}
 */
export function mayOpen(token, documentName) {
  if (typeof token !== 'string' || typeof documentName !== 'string') return false;
  if (token.length === 0 || token.length > 200 || documentName.length !== 43) return false;
  const expected = Buffer.from(
    createHash('sha256')
      .update(DOCUMENT_LABEL + token)
      .digest('base64url'),
  );
  const given = Buffer.from(documentName);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** @returns {{ port: number, host: string, db: string, redis: { host: string, port: number, options: Record<string, unknown> } | null, yWebsocket: boolean }} */
function readSettings() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      redis: { type: 'string' },
      'y-websocket': { type: 'boolean', default: false },
    },
  });
  const env = process.env;
  const port = Number(values.port ?? env['PORT'] ?? 1234);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`sync-server: the port must be a whole number from 0 to 65535, not "${port}"`);
  }
  const redisUrl = values.redis ?? env['REDIS_URL'];
  /** @type {{ host: string, port: number, options: Record<string, unknown> } | null} */
  let redis = null;
  if (redisUrl) {
    const url = new URL(redisUrl);
    if (url.protocol !== 'redis:')
      throw new Error('sync-server: REDIS_URL must start with redis://');
    const options = /** @type {Record<string, unknown>} */ ({});
    if (url.username) options['username'] = decodeURIComponent(url.username);
    if (url.password) options['password'] = decodeURIComponent(url.password);
    if (url.pathname.length > 1) options['db'] = Number(url.pathname.slice(1));
    redis = { host: url.hostname, port: Number(url.port || 6379), options };
  } else if (env['REDIS_HOST'] || env['REDIS_PORT']) {
    redis = {
      host: env['REDIS_HOST'] ?? '127.0.0.1',
      port: Number(env['REDIS_PORT'] ?? 6379),
      options: {},
    };
  }
  return {
    port,
    host: values.host ?? env['HOST'] ?? '127.0.0.1',
    db: path.resolve(values.db ?? env['SYNC_DB'] ?? 'lodestar-sync.sqlite'),
    redis,
    yWebsocket: values['y-websocket'] ?? false,
  };
}

/**
 * Documents in one SQLite file, written whole (to a temporary file, then renamed, so a crash
 * leaves the old or the new file, never half of one) after each store.
 * @param {string} file
 */
async function openStore(file) {
  const { default: initSqlJs } = await import('sql.js');
  const SQL = await initSqlJs();
  const db = existsSync(file) ? new SQL.Database(readFileSync(file)) : new SQL.Database();
  // The schema of @hocuspocus/extension-sqlite, so a file moves between the two unchanged.
  db.run(
    'CREATE TABLE IF NOT EXISTS "documents" ("name" varchar(255) NOT NULL, "data" blob NOT NULL, UNIQUE(name))',
  );
  const save = () => {
    writeFileSync(file + '.tmp', db.export());
    renameSync(file + '.tmp', file);
  };
  save();
  return {
    /** @param {string} name @returns {Uint8Array | null} */
    fetch(name) {
      const statement = db.prepare('SELECT data FROM "documents" WHERE name = ?');
      try {
        statement.bind([name]);
        return statement.step() ? /** @type {Uint8Array} */ (statement.get()[0]) : null;
      } finally {
        statement.free();
      }
    },
    /** @param {string} name @param {Uint8Array} data */
    store(name, data) {
      db.run(
        'INSERT INTO "documents" ("name", "data") VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data',
        [name, data],
      );
      save();
    },
    close() {
      save();
      db.close();
    },
  };
}

/** @param {ReturnType<typeof readSettings>} settings */
async function startHocuspocus(settings) {
  const { Server } = await import('@hocuspocus/server');
  const { Database } = await import('@hocuspocus/extension-database');
  const store = await openStore(settings.db);
  /** @type {import('@hocuspocus/server').Extension[]} */
  const extensions = [
    // Before Redis: its store hook lets only the instance holding a lock store, and stops the
    // hooks after it. Each instance has a file of its own, so each must store its copy.
    new Database({
      fetch: async ({ documentName }) => store.fetch(documentName),
      store: async ({ documentName, state }) => store.store(documentName, state),
    }),
  ];
  if (settings.redis) {
    const { Redis } = await import('@hocuspocus/extension-redis');
    extensions.push(new Redis(settings.redis));
  }
  const server = new Server({
    port: settings.port,
    address: settings.host,
    quiet: true,
    extensions,
    async onAuthenticate({ token, documentName }) {
      // Throwing refuses the connection: the client is told "permission denied", nothing more.
      if (!mayOpen(token, documentName)) throw new Error('Forbidden');
    },
  });
  await server.listen();
  return {
    port: server.address.port,
    stop: async () => {
      await server.destroy();
      store.close();
    },
  };
}

/** y-websocket's reference server with the same check on the `token` URL parameter. */
async function startYWebsocket(/** @type {ReturnType<typeof readSettings>} */ settings) {
  const { WebSocketServer } = await import('ws');
  const { setupWSConnection } = await import('@y/websocket-server/utils');
  const wss = new WebSocketServer({ noServer: true });
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end('okay');
  });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const documentName = decodeURIComponent(url.pathname.slice(1));
    if (!mayOpen(url.searchParams.get('token'), documentName)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) =>
      setupWSConnection(ws, request, { docName: documentName }),
    );
  });
  await new Promise((resolve) => server.listen(settings.port, settings.host, () => resolve(null)));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : settings.port,
    stop: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise((resolve) => server.close(() => resolve(null)));
    },
  };
}

async function main() {
  const settings = readSettings();
  const running = settings.yWebsocket
    ? await startYWebsocket(settings)
    : await startHocuspocus(settings);
  const kind = settings.yWebsocket ? 'y-websocket' : 'hocuspocus';
  const extra = settings.yWebsocket
    ? 'documents in memory'
    : `db ${settings.db}${settings.redis ? `, redis ${settings.redis.host}:${settings.redis.port}` : ''}`;
  // Tests wait for this line.
  console.log(
    `lodestar sync server (${kind}) listening on ${settings.host}:${running.port}; ${extra}`,
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    running.stop().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)
) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
