import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from './signaling';

export interface YjsServer {
  /** The address clients connect to, e.g. `ws://127.0.0.1:41234`. */
  url: string;
  port: number;
  /** Kills the server and resolves once the process has exited (the port is free again). */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 10_000;

/**
 * Starts `@y/websocket-server` (the reference Yjs sync server, `npx y-websocket`) on 127.0.0.1
 * and resolves once it listens. Without `port`, a free one is picked; pass the port of a server
 * stopped earlier to restart "the same" server. It keeps documents in memory only (no
 * YPERSISTENCE), so a restarted server starts empty and learns the documents from its clients.
 */
export async function startYjsServer(root: string, port?: number): Promise<YjsServer> {
  const listenPort = port ?? (await freePort());
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(root, 'node_modules/@y/websocket-server/src/server.js')],
    {
      cwd: root,
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(listenPort) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else {
      child.once('exit', () => resolve());
      // A process that could not be spawned never exits.
      child.once('error', () => resolve());
    }
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Yjs server did not start in 10 s:\n${output}`)),
        START_TIMEOUT_MS,
      );
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        // server.js logs `running at '<host>' on port <port>` from its listen callback.
        if (output.includes(`on port ${listenPort}`)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`Yjs server exited (${code ?? signal}) before listening:\n${output}`));
      });
    });
  } catch (error) {
    child.kill();
    await exited;
    throw error;
  }
  return {
    url: `ws://127.0.0.1:${listenPort}`,
    port: listenPort,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
}
