import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { periodLabel, periodOf, toGrain, todayLocal } from '../../src/domain/periods';
import { expectNoA11yViolations, launchBrowser, newPage } from './support/browser';
import { createWorkspace, nav, treeRow, waitOfflineReady, waitSaved } from './support/app';
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

const NSM = 'Weekly active users';
const INPUT = 'New sign-ups activated within 7 days';
const ANA = 'Ana Silva';
const BEN = 'Ben Okafor';
/** How long a change may take to cross the live link (WebRTC through the test's signaling). */
const SYNC = { timeout: 45_000 };

/** Adds a person on the People tab. */
async function addPerson(page: Page, name: string): Promise<void> {
  await page.getByLabel('New person’s name').fill(name);
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByRole('button', { name: `Remove ${name}` }).waitFor();
}

/** Makes a person the owner of a metric, from the metric tree. */
async function setOwner(page: Page, metric: string, person: string): Promise<void> {
  await treeRow(page, metric).click();
  await page.keyboard.press('Enter');
  await page.getByLabel('Owner', { exact: true }).selectOption({ label: person });
  await expect
    .poll(() =>
      page
        .getByLabel('Owner', { exact: true })
        .evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? ''),
    )
    .toBe(person);
}

/** Logs a value for a period (a key such as 2026-W45) on the metric page. */
async function logValue(page: Page, period: string, value: string): Promise<void> {
  await page.getByLabel('Period', { exact: true }).selectOption(period);
  await page.getByLabel('Value', { exact: true }).fill(value);
  await page.getByLabel('Value', { exact: true }).press('Enter');
  await page.getByText(new RegExp(`^Saved ${value} for `)).waitFor({ state: 'attached' });
}

async function closeReview(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: `Close the review of ${label}` }).click();
  await page.getByRole('dialog', { name: `Close the review of ${label}?` }).waitFor();
  await page.getByRole('button', { name: 'Close the review', exact: true }).click();
  await page.getByRole('button', { name: 'Reopen the review' }).waitFor();
}

const title = (page: Page, label: string) =>
  page.getByRole('heading', { level: 2, name: `Review of ${label}` });
const badge = (page: Page, state: 'Closed' | 'Draft') =>
  page.locator('article.review > header .status').getByText(state, { exact: true });
const signButton = (page: Page) => page.getByRole('button', { name: /^Sign as / });
const signedBy = (page: Page) =>
  page.getByRole('list', { name: 'Signed by' }).getByRole('listitem');
const nsmActual = (page: Page) =>
  page
    .getByRole('table', { name: 'The numbers' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${NSM}`) }) })
    .locator('td[data-label="Actual"]');

/** The review's time format ("Dec 3, 2026, 8:34 AM" here) for each minute from `from` to `to`. */
function minutesShown(page: Page, from: number, to: number): Promise<string[]> {
  return page.evaluate(
    ([a, b]) => {
      const format = new Intl.DateTimeFormat(undefined, {
        dateStyle: 'medium',
        timeStyle: 'short',
      });
      const shown = new Set<string>();
      for (let t = a - (a % 60_000); t <= b; t += 60_000) shown.add(format.format(new Date(t)));
      shown.add(format.format(new Date(b)));
      return [...shown].map((t) => t.replace(/\s+/g, ' '));
    },
    [from, to] as const,
  );
}

test('a second browser signs the closed review: the first sees the name and time live, both keep it after a reload', async () => {
  const a = await newPage(browsers[0]!);
  const b = await newPage(browsers[1]!);
  try {
    const id = await createWorkspace(a.page, 'Signed review', 'saas-weekly-active-users');
    await nav(a.page, 'People').click();
    await addPerson(a.page, ANA);
    await addPerson(a.page, BEN);
    await nav(a.page, 'Metric tree').click();
    await setOwner(a.page, NSM, ANA);
    await setOwner(a.page, INPUT, BEN);
    await waitSaved(a.page);

    // Two weeks of one quarter get values, so its review has numbers (the NSM's actual 550).
    const metricId = await treeRow(a.page, NSM).getAttribute('data-id');
    expect(metricId).toBeTruthy();
    await a.page.goto(`/#/w/${id}/metric/${encodeURIComponent(metricId!)}`);
    await a.page.getByRole('heading', { level: 2, name: NSM }).waitFor();
    const weeks = await a.page
      .getByLabel('Period', { exact: true })
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const byQuarter = new Map<string, string[]>();
    for (const w of weeks.filter((v) => /^\d{4}-W\d{2}$/.test(v))) {
      const q = toGrain(w, 'quarter');
      byQuarter.set(q, [...(byQuarter.get(q) ?? []), w]);
    }
    const [quarter, inQuarter] = [...byQuarter].find(([, ws]) => ws.length >= 2)!;
    const label = periodLabel(quarter);
    await logValue(a.page, inQuarter[0]!, '500');
    await logValue(a.page, inQuarter[1]!, '600');
    await waitSaved(a.page);

    // A closes the quarter's review and says who she is: Ana.
    const reviewUrl = `/#/w/${id}/review/${quarter}`;
    await a.page.goto(reviewUrl);
    await title(a.page, label).waitFor();
    await badge(a.page, 'Draft').waitFor();
    await expect(nsmActual(a.page).textContent()).resolves.toBe('550');
    await closeReview(a.page, label);
    await badge(a.page, 'Closed').waitFor();
    await a.page.getByLabel('I am').selectOption({ label: ANA });
    await a.page.getByRole('button', { name: `Sign as ${ANA}` }).waitFor();
    await waitSaved(a.page);

    // B joins through the link and opens the same review: closed, with A's frozen figures.
    const link = await shareFrom(a.page, id, signaling.url);
    await join(b.page, link, 'Ben');
    await a.page.getByText('Ben · online').waitFor({ timeout: 20_000 });
    await a.page.goto(reviewUrl);
    await title(a.page, label).waitFor();
    await b.page.goto(reviewUrl);
    await title(b.page, label).waitFor();
    await badge(b.page, 'Closed').waitFor(SYNC);
    await expect.poll(() => nsmActual(b.page).textContent(), SYNC).toBe('550');
    // Nobody has signed; B has not said who they are, so there is nothing to sign with yet.
    await b.page
      .getByText('Metric owners sign the closed review: choose yourself to sign.')
      .waitFor();
    await expect(signButton(b.page).count()).resolves.toBe(0);
    await expect(signedBy(a.page).count()).resolves.toBe(0);

    // B is Ben, the owner of an input, and signs.
    await b.page.getByLabel('I am').selectOption({ label: BEN });
    const sign = b.page.getByRole('button', { name: `Sign as ${BEN}` });
    await sign.waitFor();
    const before = await b.page.evaluate(() => Date.now());
    await sign.click();
    await b.page.getByRole('status').filter({ hasText: 'Signed.' }).waitFor();
    const after = await b.page.evaluate(() => Date.now());
    const times = await minutesShown(a.page, before, after);
    await signedBy(b.page).filter({ hasText: BEN }).waitFor();
    // Signed once: the button is gone, and reopening is still offered.
    await sign.waitFor({ state: 'detached' });
    await expect(signButton(b.page).count()).resolves.toBe(0);
    await b.page.getByRole('button', { name: 'Reopen the review' }).waitFor();
    await expectNoA11yViolations(b.page, 'closed review, signed');

    // A sees Ben's name and the time he signed, without a reload; Ana can still sign herself.
    await signedBy(a.page).filter({ hasText: BEN }).waitFor(SYNC);
    const line = (await signedBy(a.page).textContent())?.replace(/\s+/g, ' ').trim();
    expect(times.map((t) => `${BEN} ${t}`)).toContain(line);
    await expect(signedBy(a.page).count()).resolves.toBe(1);
    await a.page.getByRole('button', { name: `Sign as ${ANA}` }).waitFor();
    await expect(a.page.getByRole('button', { name: `Sign as ${BEN}` }).count()).resolves.toBe(0);

    // Both reload: the signature stays, with the same time; B still cannot sign again.
    await waitSaved(b.page);
    await waitSaved(a.page);
    await Promise.all([a.page.reload(), b.page.reload()]);
    for (const p of [a.page, b.page]) {
      await title(p, label).waitFor();
      await badge(p, 'Closed').waitFor();
      await signedBy(p).filter({ hasText: BEN }).waitFor();
      await expect(signedBy(p).count()).resolves.toBe(1);
      const again = (await signedBy(p).textContent())?.replace(/\s+/g, ' ').trim();
      expect(again).toBe(line);
    }
    // A remembers she is Ana (her button is back), so B's device remembering Ben shows as no
    // chooser and no button.
    await a.page.getByRole('button', { name: `Sign as ${ANA}` }).waitFor();
    await b.page.getByRole('button', { name: 'Reopen the review' }).waitFor();
    await expect.poll(() => b.page.getByLabel('I am').count()).toBe(0);
    await expect(signButton(b.page).count()).resolves.toBe(0);

    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  } finally {
    await Promise.all([a.context.close(), b.context.close()]);
  }
});

test('the review closed on two devices while offline is one closed review with both devices’ lines', async () => {
  const a = await newPage(browsers[0]!);
  const b = await newPage(browsers[1]!);
  try {
    const id = await createWorkspace(a.page, 'Offline review', 'saas-weekly-active-users');
    const quarter = periodOf(todayLocal(), 'quarter');
    const label = periodLabel(quarter);
    const reviewUrl = `/#/w/${id}/review/${quarter}`;

    const link = await shareFrom(a.page, id, signaling.url);
    await join(b.page, link, 'Bea');
    await a.page.getByText('Bea · online').waitFor({ timeout: 20_000 });
    await Promise.all([a.page.goto(reviewUrl), b.page.goto(reviewUrl)]);
    for (const p of [a.page, b.page]) {
      await title(p, label).waitFor(SYNC);
      await badge(p, 'Draft').waitFor();
    }
    // Positive control: the live link carries a review line from A to B before the cut.
    await a.page.getByLabel('Add an opportunity').fill('Both online');
    await a.page.getByLabel('Add an opportunity').press('Enter');
    await b.page.getByLabel('Opportunity: Both online').waitFor(SYNC);

    // Both offline (no live link: the app tears it down on the offline event).
    await Promise.all([waitOfflineReady(a.page), waitOfflineReady(b.page)]);
    await Promise.all([a.context.setOffline(true), b.context.setOffline(true)]);
    for (const p of [a.page, b.page]) await p.getByText('Offline', { exact: true }).waitFor();

    // Each adds its own lines and closes the review.
    const lines = {
      a: { strength: 'Ada: onboarding is quick', decision: 'Ada: hire a designer' },
      b: { strength: 'Bea: support answers fast', decision: 'Bea: drop the old plan' },
    };
    for (const [p, own] of [
      [a.page, lines.a],
      [b.page, lines.b],
    ] as const) {
      await p.getByLabel('Add a strength').fill(own.strength);
      await p.getByLabel('Add a strength').press('Enter');
      await p.getByLabel(`Strength: ${own.strength}`).waitFor();
      await p.getByLabel('Add a decision').fill(own.decision);
      await p.getByLabel('Add a decision').press('Enter');
      await p.getByLabel(`Decision: ${own.decision}`).waitFor();
      await closeReview(p, label);
      await badge(p, 'Closed').waitFor();
      await waitSaved(p);
    }
    // Neither heard of the other's lines while offline.
    await expect(a.page.getByLabel(`Strength: ${lines.b.strength}`).count()).resolves.toBe(0);
    await expect(b.page.getByLabel(`Strength: ${lines.a.strength}`).count()).resolves.toBe(0);

    await Promise.all([a.context.setOffline(false), b.context.setOffline(false)]);
    // After they sync, each holds the other's lines…
    await a.page.getByLabel(`Strength: ${lines.b.strength}`).waitFor(SYNC);
    await b.page.getByLabel(`Strength: ${lines.a.strength}`).waitFor(SYNC);

    // …and each shows the same: one closed review, both devices' lines, both closes logged.
    const closedLine = (p: Page) =>
      p
        .locator('article.review > header .status')
        .textContent()
        .then((t) => t?.replace(/\s+/g, ' ').trim());
    const check = async (p: Page, where: string): Promise<void> => {
      await title(p, label).waitFor();
      await badge(p, 'Closed').waitFor();
      await expect(badge(p, 'Draft').count(), where).resolves.toBe(0);
      await expect(p.getByRole('button', { name: 'Reopen the review' }).count()).resolves.toBe(1);
      await expect(
        p.getByRole('button', { name: `Close the review of ${label}` }).count(),
      ).resolves.toBe(0);
      for (const own of [lines.a, lines.b]) {
        await p.getByLabel(`Strength: ${own.strength}`).waitFor();
        await p.getByLabel(`Decision: ${own.decision}`).waitFor();
      }
      await p.getByLabel('Opportunity: Both online').waitFor();
      await expect(p.getByLabel(/^Strength: /).count(), where).resolves.toBe(2);
      await expect(p.getByLabel(/^Decision: /).count(), where).resolves.toBe(2);
      await expect
        .poll(() => p.getByRole('list', { name: 'History' }).getByRole('listitem').count(), SYNC)
        .toBe(2);
    };
    await check(a.page, 'A, synced');
    await check(b.page, 'B, synced');
    // One frozen close wins on both (the later one), so both say the same closing time.
    await expect
      .poll(async () => (await closedLine(a.page)) === (await closedLine(b.page)), SYNC)
      .toBe(true);
    const shown = await closedLine(a.page);
    expect(shown).toMatch(/^Closed Closed /);

    // The list of reviews says it once: the quarter is closed.
    for (const p of [a.page, b.page]) {
      await nav(p, 'Review').click();
      const row = p.getByRole('listitem').filter({
        has: p.getByRole('link', { name: `Review of ${label}` }),
      });
      await row.getByText(/^Closed /).waitFor();
      await expect(row.count()).resolves.toBe(1);
      await expect(row.getByText(/^Draft/).count()).resolves.toBe(0);
    }

    // And so it stays after a reload.
    await Promise.all([waitSaved(a.page), waitSaved(b.page)]);
    await Promise.all([a.page.goto(reviewUrl), b.page.goto(reviewUrl)]);
    await Promise.all([a.page.reload(), b.page.reload()]);
    await check(a.page, 'A, reloaded');
    await check(b.page, 'B, reloaded');
    await expect(closedLine(b.page)).resolves.toBe(shown);

    // Offline, Chromium still fetches the favicon itself (service workers never see it).
    expect(a.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
    expect(b.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  } finally {
    await Promise.all([a.context.close(), b.context.close()]);
  }
});
