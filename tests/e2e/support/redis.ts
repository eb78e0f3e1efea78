import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { startDaemon } from './daemon';
import { freePort } from './signaling';

export interface RedisServer {
  port: number;
  url: string;
  stop(): Promise<void>;
}

const REDIS = '/usr/bin/redis-server';

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds Debian's `redis-server`, installing the package with apt-get when it is missing and we
 * are root on Debian (as scripts/find-chrome.mjs does for Chromium). Returns the path, or why
 * there is none (the caller skips its test with that message).
 */
export function findRedis(): { path: string } | { missing: string } {
  if (executable(REDIS)) return { path: REDIS };
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !existsSync('/etc/debian_version')) {
    return {
      missing:
        'redis-server is not installed and this is not root on Debian, so it cannot be ' +
        'installed here: install it (`sudo apt-get install redis-server`) to run this test.',
    };
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'redis-server']]) {
    const result = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env,
    });
    if (result.status !== 0) {
      return { missing: `apt-get ${args.join(' ')} failed: ${String(result.stderr).slice(-500)}` };
    }
  }
  return executable(REDIS) ? { path: REDIS } : { missing: 'redis-server is still missing' };
}

/** Starts a Redis of our own on 127.0.0.1 and a free port, in memory only (nothing saved). */
export async function startRedis(path: string): Promise<RedisServer> {
  const port = await freePort();
  const daemon = await startDaemon(
    path,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    'Ready to accept connections',
  );
  return { port, url: `redis://127.0.0.1:${port}`, stop: () => daemon.kill() };
}
