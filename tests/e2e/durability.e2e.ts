/**
 * "Saved" means on disk. Each trial makes one change in a Chromium on a persistent profile,
 * SIGKILLs the whole browser the instant the page says it is saved (the header's "Saved on this
 * device", or the "Imported…" / "Restored…" message), starts it again and checks the change is
 * there. Fifty trials over six kinds of write.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchKillable, type Killable } from './support/killable';
import { nav, treeRow } from './support/app';
import { workspaceDoc } from '../../src/doc/schema';
import { initWorkspace } from '../../src/doc/meta';
import { applyTemplate } from '../../src/doc/templates';
import { templateById } from '../../src/domain/templates';
import { exportBackup } from '../../src/storage/backup';

const HEADER_SAVE = 'header .save';
const SAVED = /^Saved on this device$/;

let dir: string;
let profile: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'lodestar-kill-'));
  profile = path.join(dir, 'profile');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A CSV of 1,000 weekly values of one metric, each value marked with the trial. The metric is a
 * percent: values stay within 100 % (trial 5 writes 50–59.99), so the import asks nothing.
 */
function importFile(trial: number): string {
  const lines = ['metric,date,value'];
  const start = Date.UTC(2000, 0, 3);
  for (let k = 0; k < 1000; k++) {
    const date = new Date(start + k * 7 * 86_400_000).toISOString().slice(0, 10);
    lines.push(`Active users retained from last week,${date},${(trial * 1000 + k) / 100}`);
  }
  const file = path.join(dir, `import-${trial}.csv`);
  writeFileSync(file, lines.join('\n'));
  return file;
}

/** A backup file of a template workspace, made with the app's own backup code. */
async function backupFile(): Promise<string> {
  const doc = new Y.Doc();
  const ws = workspaceDoc(doc);
  initWorkspace(ws, 'Kill restore');
  const template = templateById('nights-booked');
  if (!template) throw new Error('no template');
  applyTemplate(ws, template);
  const { text } = await exportBackup(doc, { id: 'killrestore1', name: 'Kill restore' });
  const file = path.join(dir, 'backup.json');
  writeFileSync(file, text);
  return file;
}

interface Trial {
  kind: 'entry' | 'rename' | 'plan' | 'insight' | 'import' | 'restore';
  /** Makes the change and returns once the kill it armed has happened. */
  run(k: Killable): Promise<void>;
  /** Checks, in the relaunched browser, that the change is there. */
  verify(page: Page): Promise<void>;
}

/** An action the kill cut short: the page is gone before it returns. */
const gone = (): void => undefined;

test('fifty kills at the moment "saved" shows: every change is there after a relaunch', async () => {
  let workspaceId = '';
  let metricHref = '';
  const ws = (sub = ''): string => `/#/w/${workspaceId}${sub}`;

  // Set-up: a workspace from a template, with the journey started (plans need one).
  let k = await launchKillable(profile);
  {
    const page = k.page;
    await page.getByLabel('Name', { exact: true }).fill('Kill test');
    await page.getByLabel('Start from').selectOption('saas-weekly-active-users');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForURL(/#\/w\//);
    workspaceId = decodeURIComponent(/#\/w\/([^/]+)/.exec(page.url())?.[1] ?? '');
    await treeRow(page, 'Weekly active users').waitFor();
    await nav(page, 'Dashboard').click();
    metricHref = (await page.locator('a[href*="/metric/"]').first().getAttribute('href')) ?? '';
    expect(metricHref).toMatch(/\/metric\//);
    await nav(page, 'Customers').click();
    await page.getByRole('link', { name: 'Map the journey' }).click();
    await page.getByRole('button', { name: /^Start from: Signed → Onboarded/ }).click();
    await page.getByText('Saved on this device').waitFor();
  }
  const backup = await backupFile();
  const metricUrl = metricHref.startsWith('#') ? `/${metricHref}` : metricHref;

  let renamed = 'Key features used per active user';
  let restores = 0;
  const make = (kind: Trial['kind'], i: number): Trial => {
    switch (kind) {
      case 'entry':
        return {
          kind,
          run: async ({ page, killWhen }) => {
            await page.goto(new URL(metricUrl, page.url()).href);
            await page.getByLabel('Period', { exact: true }).selectOption({ index: i });
            await page.getByLabel('Value', { exact: true }).fill(String(500 + i));
            const { killed } = await killWhen(HEADER_SAVE, SAVED);
            await page.getByLabel('Value', { exact: true }).press('Enter').catch(gone);
            await killed;
          },
          verify: async (page) => {
            await page.goto(new URL(metricUrl, page.url()).href);
            await page
              .getByRole('table', { name: /^Logged values/ })
              .getByRole('cell', { name: String(500 + i), exact: true })
              .first()
              .waitFor();
          },
        };
      case 'rename': {
        const to = `Renamed metric ${i}`;
        return {
          kind,
          run: async ({ page, killWhen }) => {
            await nav(page, 'Metric tree').click();
            await treeRow(page, renamed).click();
            const field = page.getByLabel('Name', { exact: true });
            await field.waitFor();
            // Armed before typing: the name may be written as it is typed.
            const { killed } = await killWhen(HEADER_SAVE, SAVED);
            await field
              .fill(to)
              .then(() => field.press('Enter'))
              .catch(gone);
            await killed;
          },
          verify: async (page) => {
            await nav(page, 'Metric tree').click();
            await treeRow(page, to).waitFor();
            renamed = to;
          },
        };
      }
      case 'plan': {
        const customer = `Kill customer ${i}`;
        return {
          kind,
          run: async ({ page, killWhen }) => {
            await nav(page, 'Customers').click();
            await page.getByRole('button', { name: 'New success plan' }).click();
            await page.getByLabel('Customer', { exact: true }).fill(customer);
            const { killed } = await killWhen(HEADER_SAVE, SAVED);
            await page.getByRole('button', { name: 'Create plan' }).click().catch(gone);
            await killed;
          },
          verify: async (page) => {
            await nav(page, 'Customers').click();
            await page.getByRole('link', { name: 'List', exact: true }).click();
            await page.getByRole('rowheader', { name: customer }).waitFor();
          },
        };
      }
      case 'insight': {
        const quote = `Kill insight number ${i}`;
        return {
          kind,
          run: async ({ page, killWhen }) => {
            await page.getByRole('button', { name: 'Capture insight' }).click();
            await page.getByLabel('Quote or observation').fill(quote);
            const { killed } = await killWhen(HEADER_SAVE, SAVED);
            await page.getByRole('button', { name: 'Save insight' }).click().catch(gone);
            await killed;
          },
          verify: async (page) => {
            await nav(page, 'Insights').click();
            await page.getByText(quote).first().waitFor();
          },
        };
      }
      case 'import': {
        const file = importFile(i);
        return {
          kind,
          run: async ({ page, killWhen }) => {
            await nav(page, 'Data').click();
            await page.getByLabel('Choose a CSV file').setInputFiles(file);
            await page.getByLabel('Dates are written').selectOption('ymd');
            const button = page.getByRole('button', { name: 'Import 1,000 values' });
            const { killed } = await killWhen('[role=status]', /^Imported 1,000 values/);
            await button.click().catch(gone);
            await killed;
          },
          verify: async (page) => {
            // The same file again changes nothing: all 1,000 values are stored as they were.
            await nav(page, 'Data').click();
            await page.getByLabel('Choose a CSV file').setInputFiles(file);
            await page.getByLabel('Dates are written').selectOption('ymd');
            await page.getByText('(0 new, 0 updated, 1,000 unchanged)').waitFor();
          },
        };
      }
      case 'restore':
        return {
          kind,
          run: async ({ page, killWhen }) => {
            await page.goto(new URL('/#/', page.url()).href);
            await page.getByRole('heading', { name: 'Restore from a backup file' }).waitFor();
            const { killed } = await killWhen('[role=status]', /^\s*Restored:/);
            await page.getByLabel('Backup file (.json)').setInputFiles(backup).catch(gone);
            await killed;
            restores++;
          },
          verify: async (page) => {
            await page.goto(new URL('/#/', page.url()).href);
            const rows = page.getByRole('link', { name: /^Kill restore/ });
            await expect.poll(() => rows.count()).toBe(restores);
            // The newest restored copy opens with its whole tree.
            await rows.first().click();
            await page.getByRole('heading', { level: 1, name: /^Kill restore/ }).waitFor();
            await nav(page, 'Metric tree').click();
            await treeRow(page, 'Nights booked').waitFor();
          },
        };
    }
  };

  // Fifty trials, the kinds taken in turn so each relaunch follows a different kind of write.
  const counts: [Trial['kind'], number][] = [
    ['entry', 10],
    ['rename', 10],
    ['plan', 10],
    ['insight', 10],
    ['import', 6],
    ['restore', 4],
  ];
  const trials: Trial[] = [];
  for (let round = 0; trials.length < 50; round++) {
    for (const [kind, count] of counts) if (round < count) trials.push(make(kind, round));
  }
  const held: string[] = [];
  await k.page.goto(new URL(ws(), k.page.url()).href);
  await k.page.getByText('Saved on this device').waitFor();
  try {
    for (const trial of trials) {
      await trial.run(k);
      k = await launchKillable(profile, ws());
      await k.page.getByText('Saved on this device').waitFor();
      await trial.verify(k.page);
      held.push(trial.kind);
      if (!k.page.url().includes(`/w/${workspaceId}`)) {
        await k.page.goto(new URL(ws(), k.page.url()).href);
        await k.page.getByText('Saved on this device').waitFor();
      }
    }
  } finally {
    await k.kill();
  }
  expect(held).toHaveLength(50);
}, 900_000);
