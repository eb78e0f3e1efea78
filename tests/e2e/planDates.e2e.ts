import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { periodLabel, periodOf } from '../../src/domain/periods';
import { shortDay } from '../../src/domain/dayWords';
import { formatDayNear } from '../../src/ui/common/dates';
import { expectNoA11yViolations, launchBrowser, newPage } from './support/browser';
import { createWorkspace, nav, treeRow, waitSaved } from './support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const pad = (n: number): string => String(n).padStart(2, '0');

/** A local calendar date `days` from now, YYYY-MM-DD (the app works in local dates). */
function localDate(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A day as the app's en-US browser names it near today: "Mar 7", "Dec 30, 2025". */
const usDay = (date: string, today: string): string => shortDay(date, today, 'en-US');

const column = (page: Page, step: string) =>
  page.getByRole('region', { name: new RegExp(`^${step}`) });

const csvFile = (text: string) => ({
  name: 'customers.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(text, 'utf8'),
});

test('plans are dated when things happened: a past move, its week in a journey metric, days on step, refusals', async () => {
  const { context, page, errors } = await newPage(browser);
  const today = localDate(0);
  const start = localDate(-40);
  const moved = localDate(-14);
  try {
    const id = await createWorkspace(page, 'Dated plans', 'saas-weekly-active-users');
    const base = `/#/w/${encodeURIComponent(id)}`;

    // No journey yet: the import says a step cannot be placed, instead of "place them later".
    await nav(page, 'Customers').click();
    await page.getByRole('heading', { name: 'No success plans yet' }).waitFor();
    await page.goto(`${base}/customers/import`);
    await page.getByTestId('no-journey').getByText('a line naming a step is refused').waitFor();
    await page
      .getByLabel('Choose a CSV file')
      .setInputFiles(csvFile('Customer,Start date,Step\nAcme,2026-01-05,Onboarded\n'));
    await page
      .getByText('There is no customer journey yet to place “Onboarded” on: map the journey first')
      .waitFor();
    await expect(page.getByRole('button', { name: /^Import/ }).isDisabled()).resolves.toBe(true);

    // The starter journey: Signed → Onboarded → First request → Request fulfilled (NSM moment).
    await page.getByTestId('no-journey').getByRole('link', { name: 'map the journey' }).click();
    await page
      .getByRole('button', { name: /^Start from: Signed → Onboarded → First request/ })
      .click();
    await expect.poll(() => page.getByLabel('Name', { exact: true }).count()).toBe(4);

    // A plan created on a later step with a past start entered it on its start, not today.
    await nav(page, 'Customers').click();
    await page.getByRole('button', { name: 'New success plan' }).click();
    await page.getByLabel('Customer', { exact: true }).fill('Acme Logistics');
    await page.getByLabel('Journey step').selectOption({ label: 'Onboarded' });
    await page.getByLabel('Start date', { exact: true }).fill(start);
    await page.getByRole('button', { name: 'Create plan' }).click();
    await page.getByRole('heading', { level: 2, name: 'Acme Logistics' }).waitFor();
    await page
      .getByTestId('days-on-step')
      .getByText(`Entered it ${formatDayNear(start, today, 'en-US')}: 40 days ago`)
      .waitFor();
    await expect(page.getByLabel('On this step since').inputValue()).resolves.toBe(start);

    // The board: a move dated before the start is refused where one looks; a past date moves.
    await page.goto(`${base}/customers/board`);
    await column(page, 'Onboarded').getByRole('link', { name: 'Acme Logistics' }).waitFor();
    await page.getByLabel('Moves dated').fill(localDate(-50));
    await page.getByRole('link', { name: 'Acme Logistics', exact: true }).focus();
    await page.keyboard.press('Alt+ArrowRight');
    await page
      .getByRole('alert')
      .getByText(
        `“Acme Logistics” was not moved: A move on ${usDay(localDate(-50), today)} is before the plan starts (${usDay(start, today)}).`,
      )
      .waitFor();
    await expect(
      column(page, 'Onboarded').getByRole('link', { name: 'Acme Logistics' }).count(),
    ).resolves.toBe(1);
    await page.getByLabel('Moves dated').fill(moved);
    await page.getByRole('link', { name: 'Acme Logistics', exact: true }).focus();
    await page.keyboard.press('Alt+ArrowRight');
    await column(page, 'First request').getByRole('link', { name: 'Acme Logistics' }).waitFor();
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    await expectNoA11yViolations(page, 'board with a move date');
    await waitSaved(page);

    // After a reload: days on the step count from the move's date.
    await page.reload();
    await page.goto(`${base}/customers`);
    await page.getByRole('link', { name: 'Acme Logistics', exact: true }).first().click();
    await page
      .getByTestId('days-on-step')
      .getByText(`Entered it ${formatDayNear(moved, today, 'en-US')}: 14 days ago`)
      .waitFor();
    await expect(page.getByLabel('On this step since').inputValue()).resolves.toBe(moved);
    // A start after a step the plan entered is refused at the field.
    await page.getByLabel('Start date', { exact: true }).fill(localDate(-7));
    await page.getByLabel('Start date', { exact: true }).blur();
    await page
      .getByText(`The plan entered “Onboarded” on ${usDay(start, today)}, before this start date.`)
      .waitFor();
    await expect(
      page.getByLabel('Start date', { exact: true }).getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    await expectNoA11yViolations(page, 'plan page with a refused start');

    // A journey metric: customers reaching "First request", counted in the week of the move.
    await page.goto(`${base}/tree`);
    await treeRow(page, 'Weekly active users').click();
    await page.keyboard.press('a');
    await page.getByLabel('Name', { exact: true }).fill('Customers reaching First request');
    await page.keyboard.press('Enter');
    const metricId = await treeRow(page, 'Customers reaching First request').getAttribute(
      'data-id',
    );
    await page.goto(`${base}/metric/${encodeURIComponent(metricId ?? '')}`);
    await page.getByLabel('Values come from').selectOption('reached-step');
    await page.getByLabel('Step reached').selectOption({ label: 'First request' });
    await page.getByText('Customers reaching “First request”, per week').waitFor();
    const values = page
      .getByRole('region', { name: 'Computed from success plans' })
      .getByRole('table');
    const week = (date: string) => periodLabel(periodOf(date, 'week'));
    const row = (date: string) => values.getByRole('row').filter({ hasText: week(date) });
    await expect.poll(() => row(moved).getByRole('cell').nth(1).textContent()).toBe('1');
    // This week (none moved in it) is 0: the move was not counted when it was typed.
    await expect(row(today).getByRole('cell').nth(1).textContent()).resolves.toBe('0');
    await expectNoA11yViolations(page, 'journey metric');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a milestone tick can be dated, and % done within 30 days says how many are still open', async () => {
  const { context, page, errors } = await newPage(browser);
  const today = localDate(0);
  try {
    const id = await createWorkspace(page, 'Dated ticks', 'saas-weekly-active-users');
    const base = `/#/w/${encodeURIComponent(id)}`;
    await page.goto(`${base}/customers/journey`);
    await page
      .getByRole('button', { name: /^Start from: Signed → Onboarded → First request/ })
      .click();
    await expect.poll(() => page.getByLabel('Name', { exact: true }).count()).toBe(4);

    // Two plans started today: one with its milestone done, one still open.
    for (const [customer, tick] of [
      ['Tempo Labs', true],
      ['Quill Partners', false],
    ] as const) {
      await nav(page, 'Customers').click();
      await page.getByRole('button', { name: 'New success plan' }).click();
      await page.getByLabel('Customer', { exact: true }).fill(customer);
      await page.getByRole('button', { name: 'Create plan' }).click();
      await page.getByRole('heading', { level: 2, name: customer }).waitFor();
      await page.getByLabel('New milestone', { exact: true }).fill('Kick-off call');
      await page.getByRole('button', { name: 'Add milestone' }).click();
      if (tick) await page.getByRole('checkbox', { name: 'Done: Kick-off call' }).check();
    }
    // The tick is dated today, and the date is refused after today.
    await nav(page, 'Customers').click();
    await page.getByRole('link', { name: 'Tempo Labs', exact: true }).first().click();
    const doneOn = page.getByLabel('Done on');
    await expect(doneOn.inputValue()).resolves.toBe(today);
    await doneOn.fill(localDate(1));
    await doneOn.blur();
    await page.getByText(`Done on ${usDay(localDate(1), today)} is after today.`).waitFor();
    await expectNoA11yViolations(page, 'plan page with a done milestone');

    await page.goto(`${base}/tree`);
    await treeRow(page, 'Weekly active users').click();
    await page.keyboard.press('a');
    await page.getByLabel('Name', { exact: true }).fill('Plans completed within 30 days');
    await page.keyboard.press('Enter');
    const metricId = await treeRow(page, 'Plans completed within 30 days').getAttribute('data-id');
    await page.goto(`${base}/metric/${encodeURIComponent(metricId ?? '')}`);
    await page.getByLabel('Values come from').selectOption('completed-within');
    const panel = page.getByRole('region', { name: 'Computed from success plans' });
    // Tempo counts (done in time); Quill is not a failure yet.
    const thisWeek = panel
      .getByRole('row')
      .filter({ hasText: periodLabel(periodOf(today, 'week')) });
    await thisWeek.getByRole('cell', { name: '100 %' }).waitFor();
    await thisWeek.getByRole('cell', { name: '1 of 2 still within their 30 days' }).waitFor();
    await expectNoA11yViolations(page, 'completion metric');
    await waitSaved(page);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('the dated board and plan page fit a phone, by touch, in dark mode', async () => {
  const context = await browser.newContext({
    baseURL: inject('baseURL'),
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    colorScheme: 'dark',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  try {
    const id = await createWorkspace(page, 'Phone plans', 'saas-weekly-active-users');
    const base = `/#/w/${encodeURIComponent(id)}`;
    await page.goto(`${base}/customers/journey`);
    await page
      .getByRole('button', { name: /^Start from: Signed → Onboarded → First request/ })
      .tap();
    await expect.poll(() => page.getByLabel('Name', { exact: true }).count()).toBe(4);
    await page.goto(`${base}/customers`);
    await page.getByRole('button', { name: 'New success plan' }).tap();
    await page.getByLabel('Customer', { exact: true }).fill('Acme Corporation');
    await page.getByLabel('Start date', { exact: true }).fill(localDate(-10));
    await page.getByRole('button', { name: 'Create plan' }).tap();
    await page.getByRole('heading', { level: 2, name: 'Acme Corporation' }).waitFor();
    await page.getByLabel('On this step since').waitFor();
    expect(await width()).toBeLessThanOrEqual(390);
    const since = await page.getByLabel('On this step since').boundingBox();
    expect(since?.height ?? 0).toBeGreaterThanOrEqual(44);
    await expectNoA11yViolations(page, 'plan page at 390 px, dark');

    await page.goto(`${base}/customers/board`);
    await page.getByLabel('Moves dated').fill(localDate(-3));
    await page.getByRole('button', { name: 'Move Acme Corporation to Onboarded' }).tap();
    await column(page, 'Onboarded').getByRole('link', { name: 'Acme Corporation' }).waitFor();
    // The board scrolls inside its own box; the page does not.
    expect(await width()).toBeLessThanOrEqual(390);
    const dated = await page.getByLabel('Moves dated').boundingBox();
    expect(dated?.height ?? 0).toBeGreaterThanOrEqual(44);
    await expectNoA11yViolations(page, 'board at 390 px, dark');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

/**
 * A day as the page's own Intl names it in `locale` near `today` (the domain's shortDay, built
 * in the browser so the test holds whatever month names its engine uses).
 */
function dayInPage(page: Page, date: string, today: string, locale: string): Promise<string> {
  return page.evaluate(
    ([d, t, l]) => {
      const [y, m, day] = d.split('-').map(Number);
      const at = new Date(0);
      at.setUTCFullYear(y ?? 0, (m ?? 1) - 1, day ?? 1);
      const options: Intl.DateTimeFormatOptions =
        d.slice(0, 4) === t.slice(0, 4)
          ? { day: 'numeric', month: 'short' }
          : { dateStyle: 'medium' };
      return new Intl.DateTimeFormat(l, { ...options, timeZone: 'UTC' }).format(at);
    },
    [date, today, locale] as const,
  );
}

test('in a German browser the status reasons and refusals name days as the screen beside them', async () => {
  const context = await browser.newContext({
    baseURL: inject('baseURL'),
    viewport: { width: 1280, height: 800 },
    locale: 'de-DE',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const today = localDate(0);
  const start = localDate(-40);
  const due = localDate(-10);
  try {
    await createWorkspace(page, 'Pläne', 'saas-weekly-active-users');
    const dueDe = await dayInPage(page, due, today, 'de-DE');
    // German, not the English forms: "24. Nov." is neither "Nov 24" nor "24 Nov".
    expect(dueDe).not.toBe(shortDay(due, today, 'en-US'));
    expect(dueDe).not.toBe(shortDay(due, today, 'en-GB'));

    await nav(page, 'Customers').click();
    await page.getByRole('button', { name: 'New success plan' }).click();
    await page.getByLabel('Customer', { exact: true }).fill('Acme Logistik');
    await page.getByLabel('Start date', { exact: true }).fill(start);
    await page.getByRole('button', { name: 'Create plan' }).click();
    await page.getByRole('heading', { level: 2, name: 'Acme Logistik' }).waitFor();
    await page.getByLabel('New milestone', { exact: true }).fill('Kick-off call');
    await page.getByLabel('New milestone due').fill(due);
    await page.getByRole('button', { name: 'Add milestone' }).click();
    // The screen's own words and the domain's reason name the day alike.
    await page.getByText(`Overdue since ${dueDe}`, { exact: true }).waitFor();
    await page.getByText(`Milestone “Kick-off call” was due ${dueDe}`, { exact: true }).waitFor();

    // A refusal too: a tick dated tomorrow.
    await page.getByRole('checkbox', { name: 'Done: Kick-off call' }).check();
    const doneOn = page.getByLabel('Done on');
    await expect(doneOn.inputValue()).resolves.toBe(today);
    await doneOn.fill(localDate(1));
    await doneOn.blur();
    const tomorrow = await dayInPage(page, localDate(1), today, 'de-DE');
    await page.getByText(`Done on ${tomorrow} is after today.`).waitFor();
    await expectNoA11yViolations(page, 'plan page in German');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
