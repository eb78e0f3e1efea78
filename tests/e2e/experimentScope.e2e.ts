import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { expectNoA11yViolations, launchBrowser, newPage } from './support/browser';
import { createWorkspace, nav, waitOfflineReady, waitSaved } from './support/app';
import { startSignaling, type Signaling } from './support/signaling';
import { join, shareFrom } from './support/share';

let signaling: Signaling;
const browsers: Browser[] = [];

beforeAll(async () => {
  signaling = await startSignaling(inject('root'));
  // Separate browser processes: nothing is shared but the network.
  for (let i = 0; i < 2; i++) browsers.push(await launchBrowser());
}, 60_000);

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await signaling?.stop();
});

const TITLE = 'Instant booking';
const REQUIREMENTS = 'Requirements';
const STORIES = 'User stories';
const FIRST_LINE = 'Hosts can turn instant booking on.';
const ADA_WORDS = ' Ada adds this at the end.';
const BEA_WORDS = 'Bea puts this first. ';
const STORY = 'As a guest I want to book at once so that I can plan my trip';
/** Milliseconds between keystrokes: long enough for the two typists' keys to interleave. */
const KEY_DELAY = 60;

const box = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const running = (page: Page) => page.getByRole('radio', { name: 'Running' });

/** Clicks into a scope box, puts the caret at its start or end, and types key by key. */
async function typeAt(page: Page, label: string, where: 'start' | 'end', text: string) {
  await box(page, label).click();
  await page.keyboard.press(where === 'start' ? 'Control+Home' : 'Control+End');
  await page.keyboard.type(text, { delay: KEY_DELAY });
}

test('two people type into one scope box at once, and a status move meets typing: both keep everything', async () => {
  const a = await newPage(browsers[0]!);
  const b = await newPage(browsers[1]!);
  try {
    const id = await createWorkspace(a.page, 'Scoped together', 'nights-booked');
    await nav(a.page, 'Experiments').click();
    await a.page.getByRole('button', { name: 'New experiment' }).click();
    await a.page.getByLabel('Title', { exact: true }).fill(TITLE);
    await a.page.getByLabel('Metric it should move').selectOption({ label: 'Bookable listings' });
    await a.page.getByRole('button', { name: 'Create experiment' }).click();
    await a.page.getByRole('heading', { level: 2, name: TITLE }).waitFor();
    const experimentHash = new URL(a.page.url()).hash;
    expect(experimentHash).toContain(`/w/${id}/`);
    await typeAt(a.page, REQUIREMENTS, 'end', FIRST_LINE);
    await expect.poll(() => box(a.page, REQUIREMENTS).inputValue()).toBe(FIRST_LINE);

    const link = await shareFrom(a.page, id, signaling.url);
    await join(b.page, link, 'Bea');
    await a.page.getByText('Bea · online').waitFor({ timeout: 20_000 });
    // The workspace keeps its id on joining, so B opens A's experiment page as it is.
    await Promise.all([a.page.goto(`/${experimentHash}`), b.page.goto(`/${experimentHash}`)]);
    await b.page.getByRole('heading', { level: 2, name: TITLE }).waitFor({ timeout: 20_000 });
    // Positive control: B holds A's first line before anyone types at once.
    await expect
      .poll(() => box(b.page, REQUIREMENTS).inputValue(), { timeout: 45_000 })
      .toBe(FIRST_LINE);

    // Both type into the same box at the same time, A at the end and B at the start; each
    // keystroke is its own edit, so the two streams of edits cross while both boxes are focused.
    await Promise.all([
      typeAt(a.page, REQUIREMENTS, 'end', ADA_WORDS),
      typeAt(b.page, REQUIREMENTS, 'start', BEA_WORDS),
    ]);
    const both = async (label: string) =>
      JSON.stringify([
        await box(a.page, label).inputValue(),
        await box(b.page, label).inputValue(),
      ]);
    const merged = BEA_WORDS + FIRST_LINE + ADA_WORDS;
    // Converged: both boxes hold the same text, with every keystroke of both in it.
    await expect
      .poll(
        async () => {
          const [atA, atB] = JSON.parse(await both(REQUIREMENTS)) as [string, string];
          return atA === atB && atA.length >= merged.length;
        },
        { timeout: 45_000 },
      )
      .toBe(true);
    const text = await box(a.page, REQUIREMENTS).inputValue();
    expect(text).toContain(FIRST_LINE);
    expect(text).toContain(ADA_WORDS);
    expect(text).toContain(BEA_WORDS);
    expect(text).toBe(merged);

    // A moves the experiment to Running while B is in the middle of typing a story.
    await Promise.all([
      typeAt(b.page, STORIES, 'end', STORY),
      (async () => {
        await expect
          .poll(async () => (await box(b.page, STORIES).inputValue()).length, {
            timeout: 10_000,
          })
          .toBeGreaterThan(5);
        await running(a.page).check();
      })(),
    ]);
    await expect
      .poll(() => both(STORIES), { timeout: 45_000 })
      .toBe(JSON.stringify([STORY, STORY]));
    for (const p of [a.page, b.page]) {
      await expect.poll(() => running(p).isChecked(), { timeout: 45_000 }).toBe(true);
      await expect(box(p, REQUIREMENTS).inputValue()).resolves.toBe(merged);
    }
    await expectNoA11yViolations(a.page, 'experiment page, co-edited scope');

    // B saved it all on this device: it is there after a reload with the network gone.
    await waitSaved(b.page);
    await waitOfflineReady(b.page);
    await b.context.setOffline(true);
    await b.page.reload();
    await b.page.getByText('Offline', { exact: true }).waitFor();
    await b.page.getByRole('heading', { level: 2, name: TITLE }).waitFor();
    await expect(box(b.page, REQUIREMENTS).inputValue()).resolves.toBe(merged);
    await expect(box(b.page, STORIES).inputValue()).resolves.toBe(STORY);
    await expect(running(b.page).isChecked()).resolves.toBe(true);

    expect(a.errors).toEqual([]);
    // Offline, Chromium still fetches the favicon itself (service workers never see it).
    expect(b.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  } finally {
    await Promise.all([a.context.close(), b.context.close()]);
  }
});
