import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoA11yViolations, launchBrowser, newPage } from './support/browser';
import { createWorkspace, outline, treeRow, waitSaved } from './support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const PEOPLE = ['Ana', 'Ben', 'Cyd', 'Dee', 'Eli'];
const INPUTS = [
  'Teams created per week',
  'Members invited per team',
  'Tasks completed per team',
  'Days active per week',
  'Integrations connected',
];

async function runWorkshop(page: Page): Promise<void> {
  await page.getByRole('radio', { name: /Productivity/ }).check();
  await page.getByLabel('Mission: the change you make for customers').fill('Help small teams ship');
  await page.getByLabel('Target segment: who you serve first').fill('Startups of 5–20 people');
  await page.getByLabel('Target segment: who you serve first').blur();
  for (const name of ['Weekly active teams', 'Monthly revenue', 'Tasks completed']) {
    await page.getByLabel('New candidate').fill(name);
    await page.getByRole('button', { name: 'Add candidate' }).click();
  }
  await expect(page.getByText('Looks like revenue').isVisible()).resolves.toBe(true);
  const score = (criterion: string, answer: string) =>
    page
      .getByRole('radiogroup', { name: criterion, exact: true })
      .getByRole('radio', { name: answer, exact: true })
      .click();
  await score('Customer value: Weekly active teams', 'Yes');
  await score('Actionable: Weekly active teams', 'Yes');
  await score('Leads revenue: Monthly revenue', 'No');
  await score('Customer value: Tasks completed', 'Partly');
  await expect(page.locator('tfoot td').first().textContent()).resolves.toBe('4 / 14');
  await page.getByRole('radio', { name: /Weekly active teams/ }).check();
  await page.getByRole('button', { name: 'Make it our North Star' }).click();
  // An empty definition is refused where the user is looking.
  await page
    .getByRole('alert')
    .filter({ hasText: 'Write how the North Star is calculated' })
    .waitFor();
  await page
    .getByLabel('Definition of the North Star')
    .fill('Teams with 3+ members active in the ISO week');
  await page.getByRole('button', { name: 'Make it our North Star' }).click();
  await page.getByText('Your North Star is').waitFor();
}

test('a new user runs the workshop, builds the tree, moves, undoes and reloads', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto('/');
    await page.getByText('No workspaces here yet').waitFor();
    await expectNoA11yViolations(page, 'start screen (empty)');

    // Bad input at the field: a whitespace name is refused.
    await page.getByLabel('Name', { exact: true }).fill('   ');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('A name is required.').waitFor();

    const id = await createWorkspace(page, 'Acme <b>team</b>');
    expect(page.url()).toContain('/workshop');
    await runWorkshop(page);
    await expectNoA11yViolations(page, 'workshop');

    await page.getByRole('link', { name: 'People' }).click();
    for (const name of PEOPLE) {
      await page.getByLabel('New person’s name').fill(name);
      await page.getByLabel('Their team').fill('Product');
      await page.getByRole('button', { name: 'Add person' }).click();
    }
    await expect(page.locator('li.person').count()).resolves.toBe(5);
    await expectNoA11yViolations(page, 'people');

    await page.getByRole('link', { name: 'Metric tree' }).click();
    await treeRow(page, 'Weekly active teams').click();
    // The North Star needs an owner too (the tree health says so until it has one).
    await page.getByLabel('Owner').selectOption({ label: `${PEOPLE[0]} (Product)` });
    for (const [i, name] of INPUTS.entries()) {
      await treeRow(page, 'Weekly active teams').click();
      await page.keyboard.press('a');
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.keyboard.press('Enter');
      await treeRow(page, name).waitFor();
      await expect(
        treeRow(page, name).evaluate((el) => el === document.activeElement),
      ).resolves.toBe(true);
      await page.getByLabel('Owner').selectOption({ label: `${PEOPLE[i]} (Product)` });
      await page.getByLabel('Definition: how it is calculated').fill(`How ${name} is counted`);
      await page.getByLabel('Definition: how it is calculated').blur();
    }
    await treeRow(page, 'Weekly active teams').click();
    await page.getByRole('button', { name: 'Add counter-metric' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Support tickets per team');
    await page.keyboard.press('Enter');
    await treeRow(page, 'Support tickets per team').waitFor();
    await expect(page.locator('#new-metric-kind').count()).resolves.toBe(0);
    await page.getByText('all good').waitFor();

    const built = [
      '1:Weekly active teams',
      ...INPUTS.map((n) => `2:${n}`),
      '2:Support tickets per team',
    ];
    expect(await outline(page)).toEqual(built);
    await expectNoA11yViolations(page, 'tree outline');

    // Move one with the keyboard (indent under its previous sibling), then undo it.
    await treeRow(page, INPUTS[2]!).click();
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => treeRow(page, INPUTS[2]!).getAttribute('aria-level')).toBe('3');
    await page.keyboard.press('Control+z');
    await expect.poll(() => outline(page)).toEqual(built);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => treeRow(page, INPUTS[2]!).getAttribute('aria-level')).toBe('3');
    await page.keyboard.press('Control+z');
    await expect.poll(() => outline(page)).toEqual(built);

    // Delete with undo from the toast.
    await treeRow(page, INPUTS[4]!).click();
    await page.keyboard.press('Delete');
    await expect.poll(() => outline(page)).toEqual(built.filter((r) => !r.endsWith(INPUTS[4]!)));
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => outline(page)).toEqual(built);

    await page.getByRole('button', { name: 'Diagram' }).click();
    await page.getByRole('group', { name: /diagram/i }).waitFor();
    await expectNoA11yViolations(page, 'tree diagram');

    await waitSaved(page);
    await page.reload();
    await treeRow(page, 'Weekly active teams').waitFor();
    expect(await outline(page)).toEqual(built);
    await treeRow(page, INPUTS[0]!).click();
    await expect(page.getByLabel('Owner').inputValue()).resolves.not.toBe('');
    // The name with markup shows as text, not HTML.
    await expect(page.locator('h1').textContent()).resolves.toBe('Acme <b>team</b>');
    expect(id.length).toBeGreaterThan(8);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('two tabs on one workspace see each other’s edits', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await createWorkspace(page, 'Shared tabs', 'nights-booked');
    const other = await context.newPage();
    await other.goto(page.url());
    await other.getByRole('treeitem').first().waitFor();
    await treeRow(page, 'Nights booked').click();
    await page.keyboard.press('a');
    await page.getByLabel('Name', { exact: true }).fill('Added in tab one');
    await page.keyboard.press('Enter');
    await treeRow(other, 'Added in tab one').waitFor();

    await treeRow(other, 'Added in tab one').click();
    await other.getByLabel('Name', { exact: true }).fill('Renamed in tab two');
    await other.getByLabel('Name', { exact: true }).press('Enter');
    await treeRow(page, 'Renamed in tab two').waitFor();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
