import path from 'node:path';
import { startDaemon, type Daemon } from './daemon';
import { freePort } from './signaling';

export interface SyncServer {
  /** e.g. `ws://127.0.0.1:41234` */
  url: string;
  port: number;
  /** SIGKILL: the process dies at once, as in a crash. */
  crash(): Promise<void>;
  /** SIGTERM: the server stores its documents and exits. */
  stop(): Promise<void>;
}

export interface SyncServerOptions {
  /** Pass the port of a server stopped earlier to bring "the same" server back. */
  port?: number;
  db?: string;
  redisUrl?: string;
  yWebsocket?: boolean;
}

/** Starts `scripts/sync-server.mjs` (what `npm run sync-server` runs) on 127.0.0.1. */
export async function startSyncServer(
  root: string,
  options: SyncServerOptions = {},
): Promise<SyncServer> {
  const port = options.port ?? (await freePort());
  const args = [path.join(root, 'scripts/sync-server.mjs'), '--port', String(port)];
  if (options.db) args.push('--db', options.db);
  if (options.redisUrl) args.push('--redis', options.redisUrl);
  if (options.yWebsocket) args.push('--y-websocket');
  const daemon: Daemon = await startDaemon(
    process.execPath,
    args,
    `listening on 127.0.0.1:${port}`,
    {
      cwd: root,
      env: { HOST: '127.0.0.1', REDIS_URL: '', REDIS_HOST: '', REDIS_PORT: '' },
    },
  );
  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    crash: () => daemon.kill('SIGKILL'),
    stop: () => daemon.kill('SIGTERM'),
  };
}
