/**
 * A Chromium we start ourselves on a persistent profile, so a test can SIGKILL it (the browser
 * and every process it started, at once) the instant the page says something, then start it
 * again on the same profile and look at what survived.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export interface Killable {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /**
   * Arms a MutationObserver in the page: the moment text matching `pattern` appears inside
   * `selector` (after it was absent), the browser is killed. Resolves once armed; `killed`
   * resolves once the browser is dead.
   */
  killWhen(selector: string, pattern: RegExp): Promise<{ killed: Promise<void> }>;
  /** Kills the browser now (cleanup). */
  kill(): Promise<void>;
}

const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--remote-debugging-port=0',
  // After a kill, start clean: no crash bubble, no restored session.
  '--hide-crash-restore-bubble',
  '--disable-session-crashed-bubble',
  '--noerrdialogs',
];

/** Attempts at starting Chromium: a start cut short by the last kill's debris is retried. */
const STARTS = 3;

function devtoolsUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match?.[1]) {
        child.stderr?.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${seen}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  return exited(child);
}

/** Starts Chromium on the profile and connects; the browser process and its connection. */
async function start(profileDir: string): Promise<{ child: ChildProcess; browser: Browser }> {
  for (let attempt = 1; ; attempt++) {
    const child = spawn(
      inject('chromePath'),
      [...ARGS, `--user-data-dir=${profileDir}`, 'about:blank'],
      {
        detached: true, // its own process group: one kill reaches every Chromium process
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    try {
      const url = await devtoolsUrl(child);
      return { child, browser: await chromium.connectOverCDP(url, { timeout: 15_000 }) };
    } catch (error) {
      await killGroup(child);
      if (attempt >= STARTS) throw error;
    }
  }
}

/** Starts Chromium on `profileDir` and opens one page of the app at `path`. */
export async function launchKillable(profileDir: string, path = '/'): Promise<Killable> {
  const { child, browser } = await start(profileDir);
  const context = browser.contexts()[0] ?? (await browser.newContext());
  const page = context.pages()[0] ?? (await context.newPage());
  const kill = (): Promise<void> => killGroup(child);
  let armed: (() => void) | null = null;
  await page.exposeBinding('__lodestarKillNow', () => {
    void kill().then(() => armed?.());
  });
  await page.goto(new URL(path.replace(/^\//, ''), inject('baseURL')).href);
  return {
    browser,
    context,
    page,
    kill,
    killWhen: async (selector, pattern) => {
      const killed = new Promise<void>((resolve) => (armed = resolve));
      await page.evaluate(
        ([sel, source, flags]) => {
          const re = new RegExp(source, flags);
          const matches = (): boolean =>
            [...document.querySelectorAll(sel)].some((el) => re.test(el.textContent ?? ''));
          // Armed only after the text is gone, so an old "saved" does not count.
          let waiting = !matches();
          const observer = new MutationObserver(() => {
            const now = matches();
            if (!waiting) waiting = !now;
            else if (now) {
              observer.disconnect();
              (window as unknown as { __lodestarKillNow(): void }).__lodestarKillNow();
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        },
        [selector, pattern.source, pattern.flags] as const,
      );
      return { killed };
    },
  };
}
