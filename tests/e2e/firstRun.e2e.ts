/**
 * The first run, scripted as a user would do it and counted: from opening the app to a North
 * Star with five owned inputs, a counter-metric and a first check-in, on the blank path (the
 * workshop) and from a template. One action is one click, one field typed into, or one key
 * (Tab, Enter, Shift+Enter); choosing from a native drop-down is two (open it, pick). Finding
 * things on the screen is free. The counts are printed so they can be quoted.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { expectNoA11yViolations, launchBrowser, newPage } from './support/browser';
import { nav, outline, treeRow, waitSaved } from './support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Does what a user does and counts it. */
class Actions {
  count = 0;
  constructor(private readonly page: Page) {}
  async click(target: Locator): Promise<void> {
    this.count += 1;
    await target.click();
  }
  async type(target: Locator, text: string): Promise<void> {
    this.count += 1;
    await target.fill(text);
  }
  async press(key: string): Promise<void> {
    this.count += 1;
    await this.page.keyboard.press(key);
  }
  /** A native drop-down: open it, pick the option. */
  async choose(select: Locator, value: string): Promise<void> {
    this.count += 2;
    await select.selectOption(value);
  }
}

const TEAM = ['Ana', 'Ben', 'Cyd', 'Dee', 'Eli'];
const INPUTS = [
  'Teams created per week',
  'Members invited per team',
  'Tasks completed per team',
  'Days active per week',
  'Integrations connected',
];
const NSM = 'Weekly active teams';
const COUNTER = 'Support tickets per team';

/** The owner chips of one metric in the "Who owns what" panel. */
function ownerChoice(page: Page, metric: string, person: string): Locator {
  return page
    .getByRole('radiogroup', { name: metric, exact: true })
    .getByRole('radio', { name: person, exact: true });
}

/** Outline rows as "level:name:owner". */
async function ownedOutline(page: Page): Promise<string[]> {
  return page
    .getByRole('treeitem')
    .evaluateAll((rows) =>
      rows.map(
        (r) =>
          `${r.getAttribute('aria-level')}:${r.querySelector('.name')?.textContent ?? ''}:` +
          (r.querySelector('.owner')?.textContent ?? ''),
      ),
    );
}

/** The first value of the check-in: typed and saved with Enter; checks it is listed as logged. */
async function firstCheckIn(page: Page, act: Actions): Promise<void> {
  await act.click(nav(page, 'Check-in'));
  const first = page.locator('input[id$="-value"]').first();
  await expect.poll(() => first.evaluate((el) => el === document.activeElement)).toBe(true);
  await act.type(first, '1200');
  await act.press('Enter');
  await page.locator('.logged li').filter({ hasText: '1,200' }).waitFor();
  await page.getByRole('status').filter({ hasText: '1 logged now' }).waitFor();
}

test('blank path: workshop, team, five owned inputs, a counter-metric and a check-in in ≤ 60 actions', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const act = new Actions(page);
    await page.goto('/');
    await page.getByText('No workspaces here yet').waitFor();
    // Nothing worth keeping yet: no word about the browser clearing data.
    await expect(page.locator('.banner').count()).resolves.toBe(0);

    await act.type(page.getByLabel('Name', { exact: true }), 'Acme');
    await act.click(page.getByRole('button', { name: 'Create workspace' }));
    await page.getByRole('heading', { level: 1, name: 'Acme' }).waitFor();

    await act.click(page.getByRole('radio', { name: /Productivity/ }));
    const candidate = page.getByLabel('New candidate');
    for (const name of [NSM, 'Monthly revenue', 'Tasks completed']) {
      await act.type(candidate, name);
      await act.press('Enter');
    }
    await expect(page.locator('.candidates li').count()).resolves.toBe(3);

    // One click per criterion: 7 criteria × 3 candidates. Weekly active teams: 6 yes, 1 partly
    // = 13 / 14; revenue: all no = 0; tasks completed: all partly = 7.
    const criteria = await page
      .getByRole('radiogroup', { name: new RegExp(`: ${NSM}$`) })
      .evaluateAll((groups) => groups.map((g) => g.getAttribute('aria-label') ?? ''));
    expect(criteria).toHaveLength(7);
    for (const [i, group] of criteria.entries()) {
      const criterion = group.slice(0, group.indexOf(':'));
      const answer = (c: string, a: string): Locator =>
        page
          .getByRole('radiogroup', { name: `${criterion}: ${c}`, exact: true })
          .getByRole('radio', { name: a, exact: true });
      await act.click(answer(NSM, i === 6 ? 'Partly' : 'Yes'));
      await act.click(answer('Monthly revenue', 'No'));
      await act.click(answer('Tasks completed', 'Partly'));
    }
    await expect(page.locator('tfoot td').allTextContents()).resolves.toEqual([
      '13 / 14',
      '0 / 14',
      '7 / 14',
    ]);
    await expectNoA11yViolations(page, 'workshop with scores');

    // The best-scored candidate is offered: only its definition is left to write.
    await expect(
      page.getByRole('radio', { name: /Weekly active teams/ }).isChecked(),
    ).resolves.toBe(true);
    await act.type(
      page.getByLabel('Definition of the North Star'),
      'Teams with 3+ members active in the ISO week',
    );
    await act.click(page.getByRole('button', { name: 'Make it our North Star' }));
    await act.click(page.getByRole('link', { name: /Break it into input metrics/ }));

    await treeRow(page, NSM).waitFor();
    await act.type(page.getByLabel('Who is on the team?'), TEAM.join(', '));
    await act.press('Enter');
    await act.click(ownerChoice(page, NSM, 'Ana'));

    await act.click(page.getByRole('button', { name: 'Add an input' }));
    const name = page.getByLabel('Name', { exact: true });
    for (const [i, input] of INPUTS.entries()) {
      await act.type(name, input);
      // Shift+Enter adds it and keeps the form open for the next sibling; Enter the last one.
      await act.press(i < INPUTS.length - 1 ? 'Shift+Enter' : 'Enter');
      await treeRow(page, input).waitFor();
    }
    for (const [i, input] of INPUTS.entries()) {
      await act.click(ownerChoice(page, input, TEAM[i] ?? ''));
    }
    await act.click(page.getByRole('button', { name: 'Add a counter-metric' }));
    await act.type(name, COUNTER);
    await act.press('Enter');
    await treeRow(page, COUNTER).waitFor();
    await expectNoA11yViolations(page, 'tree with the owners panel');

    expect(await ownedOutline(page)).toEqual([
      `1:${NSM}:Ana`,
      ...INPUTS.map((n, i) => `2:${n}:${TEAM[i] ?? ''}`),
      `2:${COUNTER}:no owner`,
    ]);
    await expect(treeRow(page, COUNTER).locator('.badge').textContent()).resolves.toBe('Counter');

    await firstCheckIn(page, act);
    console.log(`first run, blank path: ${act.count} actions`);
    expect(act.count).toBeLessThanOrEqual(60);

    // The end state holds after a reload.
    await waitSaved(page);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Acme' }).waitFor();
    await nav(page, 'Metric tree').click();
    await treeRow(page, NSM).waitFor();
    expect(
      (await ownedOutline(page)).filter((r) => r.startsWith('2:') && !r.endsWith(':no owner')),
    ).toHaveLength(5);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('template path: team, owners and a check-in in ≤ 25 actions', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const act = new Actions(page);
    await page.goto('/');
    await page.getByText('No workspaces here yet').waitFor();
    await act.type(page.getByLabel('Name', { exact: true }), 'Tmpl');
    await act.choose(page.getByLabel('Start from'), 'saas-weekly-active-users');
    await act.click(page.getByRole('button', { name: 'Create workspace' }));
    await page.getByRole('heading', { level: 1, name: 'Tmpl' }).waitFor();

    await act.type(page.getByLabel('Who is on the team?'), TEAM.join(', '));
    await act.press('Enter');
    const wanting = await page
      .locator('.owners [role="radiogroup"]')
      .evaluateAll((groups) =>
        groups.map(
          (g) =>
            document.getElementById(g.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
        ),
      );
    // The North Star and its five inputs; the counter-metric needs no owner.
    expect(wanting).toHaveLength(6);
    for (const [i, metric] of wanting.entries()) {
      await act.click(ownerChoice(page, metric, TEAM[i % TEAM.length] ?? ''));
    }
    const rows = await ownedOutline(page);
    expect(rows.filter((r) => r.startsWith('1:') && !r.endsWith(':no owner'))).toHaveLength(1);
    expect(rows.filter((r) => r.startsWith('2:') && !r.endsWith(':no owner'))).toHaveLength(5);
    expect(await page.locator('[role="treeitem"].kind-counter').count()).toBeGreaterThanOrEqual(1);

    await firstCheckIn(page, act);
    console.log(`first run, template path: ${act.count} actions`);
    expect(act.count).toBeLessThanOrEqual(25);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('scores take one key; owners are added from the owner field; the Done button closes the panel', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto('/');
    await page.getByLabel('Name', { exact: true }).fill('Keys');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByLabel('New candidate').fill(NSM);
    await page.keyboard.press('Enter');
    const value = page.getByRole('radiogroup', { name: `Customer value: ${NSM}` });
    await value.getByRole('radio', { name: 'No', exact: true }).focus();
    await page.keyboard.press('y');
    await expect
      .poll(() => value.getByRole('radio', { name: 'Yes', exact: true }).isChecked())
      .toBe(true);
    await expect(page.locator('tfoot td').textContent()).resolves.toBe('2 / 14');
    // Arrow keys move the answer like any radio group: Yes → Partly.
    await value.getByRole('radio', { name: 'Yes', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('tfoot td').textContent()).resolves.toBe('1 / 14');
    // Clicking the chosen answer again clears it.
    await value.getByRole('radio', { name: 'Partly', exact: true }).click();
    await expect(page.locator('tfoot td').textContent()).resolves.toBe('0 / 14');

    // Nothing scored: no candidate is offered, so it is picked by hand.
    await page.getByRole('radio', { name: new RegExp(NSM) }).check();
    await page.getByLabel('Definition of the North Star').fill('Teams active in the week');
    await page.getByRole('button', { name: 'Make it our North Star' }).click();
    await page.getByRole('link', { name: /Break it into input metrics/ }).click();

    // The team question refuses an empty answer where the user is looking.
    await page.getByRole('button', { name: 'Add the team' }).click();
    await page.getByRole('alert').filter({ hasText: 'Type at least one name' }).waitFor();

    // In the metric editor: "+ New person…" in the owner field, a name, Enter.
    await treeRow(page, NSM).click();
    await page.getByLabel('Owner', { exact: true }).selectOption('+new');
    await page.getByLabel('Owner: new person’s name').fill('Zoe');
    await page.keyboard.press('Enter');
    await expect.poll(() => treeRow(page, NSM).locator('.owner').textContent()).toBe('Zoe');
    await expect(
      page.getByLabel('Owner', { exact: true }).locator('option:checked').textContent(),
    ).resolves.toBe('Zoe');

    // "Add another like this" on an input adds a sibling, not a child.
    await page.getByRole('button', { name: 'Add input below' }).click();
    await page.getByLabel('Name', { exact: true }).fill('First input');
    await page.keyboard.press('Enter');
    await treeRow(page, 'First input').waitFor();
    await page.getByRole('button', { name: 'Add another like this' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Second input');
    await page.keyboard.press('Enter');
    await treeRow(page, 'Second input').waitFor();
    expect(await outline(page)).toEqual([`1:${NSM}`, '2:First input', '2:Second input']);

    // "+ New person…" in the owners panel.
    await page
      .getByRole('radiogroup', { name: 'First input', exact: true })
      .getByRole('button', { name: '+ New person…' })
      .click();
    await page.getByLabel('New person to own “First input”').fill('Yan');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => treeRow(page, 'First input').locator('.owner').textContent())
      .toBe('Yan');
    await page.getByRole('heading', { name: 'Who owns what' }).waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('heading', { name: 'Who owns what' }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('the storage notice waits for data worth keeping, and is calm', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    // This browser says no to persistent storage.
    await context.addInitScript(() => {
      Object.defineProperty(navigator.storage, 'persisted', { value: async () => false });
      Object.defineProperty(navigator.storage, 'persist', { value: async () => false });
    });
    await page.goto('/');
    await page.getByText('No workspaces here yet').waitFor();
    await expect(page.getByText('saved in this browser').count()).resolves.toBe(0);

    await page.getByLabel('Name', { exact: true }).fill('Keep');
    await page.getByLabel('Start from').selectOption('nights-booked');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await treeRow(page, 'Nights booked').waitFor();
    const notice = page
      .getByRole('status')
      .filter({ hasText: 'Your work is saved in this browser' });
    await notice.waitFor();
    await expect(notice.evaluate((el) => el.classList.contains('warn'))).resolves.toBe(false);

    await page.goto('/');
    await page.getByRole('heading', { name: 'Workspaces on this device' }).waitFor();
    await notice.waitFor();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('the owners panel fits a 390 px phone', async () => {
  const context = await browser.newContext({
    baseURL: inject('baseURL'),
    viewport: { width: 390, height: 844 },
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Name', { exact: true }).fill('Phone');
    await page.getByLabel('Start from').selectOption('saas-weekly-active-users');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByLabel('Who is on the team?').fill(TEAM.join(', '));
    await page.keyboard.press('Enter');
    await page.locator('.owners .chip').first().waitFor();
    const sizes = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      chips: [...document.querySelectorAll('.owners .chip')].map(
        (c) => c.getBoundingClientRect().height,
      ),
    }));
    expect(sizes.page).toBeLessThanOrEqual(390);
    expect(Math.min(...sizes.chips)).toBeGreaterThanOrEqual(44);
  } finally {
    await context.close();
  }
});

test('a first target without a baseline says the baseline is missing and opens its field', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto('/');
    await page.getByLabel('Name', { exact: true }).fill('Targets');
    await page.getByLabel('Start from').selectOption('saas-weekly-active-users');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await treeRow(page, 'Weekly active users').waitFor();
    const id = await treeRow(page, 'Weekly active users').getAttribute('data-id');
    const url = new URL(page.url());
    await page.goto(`${url.pathname}${url.hash.replace(/\/tree$/, `/metric/${id ?? ''}`)}`);
    await page.getByRole('heading', { level: 2, name: 'Weekly active users' }).waitFor();
    const status = page.locator('[data-status]');
    await expect(status.textContent()).resolves.toBe('No target');

    const d = new Date();
    const quarter = `Q${Math.floor(d.getMonth() / 3) + 1} ${d.getFullYear()}`;
    await page.getByRole('button', { name: `Add ${quarter}`, exact: true }).click();
    await page.getByLabel(quarter, { exact: true }).fill('1500');
    await page.getByLabel(quarter, { exact: true }).press('Enter');
    await expect.poll(() => status.textContent()).toBe('No baseline');
    await page.getByText('The targets need a baseline value to start from.').waitFor();

    await page.getByRole('button', { name: 'Set the baseline' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id ?? ''))
      .toBe('target-baseline');
    await page.keyboard.type('1000');
    await page.keyboard.press('Enter');
    // The value alone is not enough: now the date is asked for, and the button opens it.
    await page.getByText('The targets need a baseline date to start from.').waitFor();
    await page.getByRole('button', { name: 'Set the baseline' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id ?? ''))
      .toBe('target-baseline-date');
    await page.getByLabel('Baseline date').fill(`${d.getFullYear()}-01-01`);
    // A pace now exists and no value is logged yet: "No data", and no baseline words.
    await expect.poll(() => status.textContent()).toBe('No data');
    await expect(page.getByRole('button', { name: 'Set the baseline' }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
