import { spawn, type ChildProcess } from 'node:child_process';

/** A server process a test started; `kill` ends it with the given signal and waits for the exit. */
export interface Daemon {
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const START_TIMEOUT_MS = 15_000;

/**
 * Spawns `command` and resolves once its output (stdout or stderr) contains `ready`; rejects
 * with the output so far when it exits first or does not get there in 15 s.
 */
export async function startDaemon(
  command: string,
  args: string[],
  ready: string,
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Daemon> {
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else {
      child.once('exit', () => resolve());
      child.once('error', () => resolve());
    }
  });
  const kill = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${command} did not start in 15 s:\n${output}`)),
        START_TIMEOUT_MS,
      );
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        if (output.includes(ready)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${command} exited (${code ?? signal}) before it was ready:\n${output}`));
      });
    });
  } catch (error) {
    await kill('SIGKILL');
    throw error;
  }
  return { kill };
}
