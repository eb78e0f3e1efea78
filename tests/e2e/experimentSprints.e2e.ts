import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoA11yViolations, launchBrowser, newPage } from './support/browser';
import { createWorkspace, nav, waitSaved } from './support/app';

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

/** A view of the experiments tab (Backlog, Sprints, Scoring & sprints…). */
function view(page: Page, label: string) {
  return page
    .getByRole('navigation', { name: 'Experiment views' })
    .getByRole('link', { name: label, exact: true });
}

test('a milestone planned into the current sprint is on the board and in the capacity, ticked done; the retrospective stays after a reload', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await createWorkspace(page, 'Sprint team');
    await nav(page, 'People').click();
    await page.getByLabel('New person’s name').fill('Ana Silva');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('button', { name: 'Remove Ana Silva' }).waitFor();

    // Settings: a sprint of 0 days is refused at the field and nothing is saved; then sprints
    // of two weeks from today, and Ana gives 20 hours a sprint.
    await nav(page, 'Experiments').click();
    await view(page, 'Scoring & sprints').click();
    await page.getByRole('heading', { name: 'Sprint rhythm' }).waitFor();
    await expectNoA11yViolations(page, 'experiment settings');
    const length = page.getByLabel('Length in days', { exact: true });
    await length.fill('0');
    await page.getByRole('button', { name: 'Save rhythm' }).click();
    await page.getByText('A sprint lasts at least 1 day.').waitFor();
    await expect(length.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expect(length.inputValue()).resolves.toBe('14');

    await page.getByLabel('First sprint starts', { exact: true }).fill(localDate(0));
    await length.fill('14');
    await page.getByRole('button', { name: 'Save rhythm' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const hours = page.getByLabel('Ana Silva: hours per sprint', { exact: true });
    await hours.fill('20');
    await hours.press('Enter');

    // A scale that does not go up is refused at the scale.
    await page.getByLabel('Level 2 Value', { exact: true }).first().fill('0.1');
    await page.getByRole('button', { name: 'Save scale RICE impact' }).click();
    await page.getByText('Levels must go up, each once').waitFor();
    await page.getByRole('button', { name: 'Discard changes' }).first().click();

    // No experiment yet: the sprint says how to plan one.
    await view(page, 'Sprints').click();
    await page.getByText('No experiment is planned into this sprint yet.').waitFor();
    await page.getByRole('heading', { level: 3, name: /^Sprint 1 · .*Current/ }).waitFor();

    // An experiment and a milestone of 30 hours for Ana, both planned into the current sprint.
    await page.getByRole('button', { name: 'New experiment' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Onboarding checklist');
    await page.getByRole('button', { name: 'Create experiment' }).click();
    await page.getByRole('heading', { level: 2, name: 'Onboarding checklist' }).waitFor();
    await page.getByLabel('Sprint', { exact: true }).selectOption(localDate(0));
    await page.getByLabel('New milestone', { exact: true }).fill('Design the checklist');
    await page.getByRole('button', { name: 'Add milestone' }).click();
    const box = page.getByRole('checkbox', { name: 'Done: Design the checklist' });
    await box.waitFor();
    const milestone = page.getByRole('listitem').filter({ has: box });
    await milestone.getByLabel('Owner', { exact: true }).selectOption({ label: 'Ana Silva' });
    await milestone.getByLabel('Estimated hours', { exact: true }).fill('30');
    await milestone.getByLabel('Estimated hours', { exact: true }).press('Enter');
    await milestone.getByLabel('Sprint', { exact: true }).selectOption(localDate(0));
    await waitSaved(page);

    // On the board and in the capacity: 30 of Ana's 20 hours, said in words.
    await nav(page, 'Experiments').click();
    await view(page, 'Sprints').click();
    const board = page.getByRole('region', { name: 'Board' });
    await board.getByRole('link', { name: 'Onboarding checklist' }).first().waitFor();
    const capacity = page.getByRole('region', { name: 'Capacity' });
    await capacity.getByText('Over capacity by 10 h').waitFor();
    await capacity.getByText('estimated 30 h', { exact: false }).waitFor();
    await expectNoA11yViolations(page, 'sprint board');

    // Ticked done from the board, by keyboard.
    await board.getByRole('checkbox', { name: 'Done: Design the checklist' }).focus();
    await page.keyboard.press('Space');
    await page
      .getByRole('region', { name: /^Done 1/ })
      .getByRole('checkbox', { name: 'Done: Design the checklist', checked: true })
      .waitFor();

    // A retrospective line of each kind; Enter adds.
    await page.getByLabel('Something that went well', { exact: true }).fill('Pairing on design');
    await page.getByLabel('Something that went well', { exact: true }).press('Enter');
    await page.getByText('Pairing on design', { exact: true }).waitFor();
    await page.getByLabel('Something that did not go well', { exact: true }).fill('Late reviews');
    await page.getByRole('button', { name: 'Add to Did not go well' }).click();
    await page.getByText('Late reviews', { exact: true }).waitFor();
    await page.getByLabel('An action to take', { exact: true }).fill('Review within a day');
    await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Ana Silva' });
    await page.getByLabel('An action to take', { exact: true }).press('Enter');
    await page.getByRole('checkbox', { name: 'Done: Review within a day' }).waitFor();
    // An empty line is refused at its field.
    await page.getByRole('button', { name: 'Add to Went well' }).click();
    await page.getByText('Write the line first').waitFor();
    await expectNoA11yViolations(page, 'retrospective');

    // The open action is carried forward into the next sprint.
    await page.getByRole('button', { name: 'Next sprint →' }).click();
    await page.getByRole('heading', { name: 'Carried forward (1)' }).waitFor();
    await page.getByRole('checkbox', { name: 'Done: Review within a day' }).waitFor();
    await page.getByRole('button', { name: 'Back to the current sprint' }).click();
    await waitSaved(page);

    // Everything stays after a reload.
    await page.reload();
    await page.getByRole('heading', { name: 'Retrospective' }).waitFor();
    await page.getByText('Pairing on design', { exact: true }).waitFor();
    await page.getByText('Late reviews', { exact: true }).waitFor();
    const action = page.getByRole('checkbox', { name: 'Done: Review within a day' });
    await expect(action.isChecked()).resolves.toBe(false);
    await expect(
      page.getByRole('checkbox', { name: 'Done: Design the checklist' }).isChecked(),
    ).resolves.toBe(true);
    await page.getByRole('listitem').filter({ has: action }).getByText('Ana Silva').waitFor();

    // A line is deleted.
    await page.getByRole('button', { name: 'Delete “Late reviews”' }).click();
    await expect.poll(() => page.getByText('Late reviews', { exact: true }).count()).toBe(0);
    await expectNoA11yViolations(page, 'sprints after reload');

    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
