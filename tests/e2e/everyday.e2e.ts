/**
 * Everyday use (issue 17): what the Share tab says when no one can be reached, the question
 * before a percent above 100 %, the metric editor's layout, long names, search, bulk edit, help
 * and print.
 */
import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoA11yViolations, launchBrowser, newPage } from './support/browser';
import { createWorkspace, treeRow, waitOfflineReady } from './support/app';
import { shareFrom } from './support/share';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A port on 127.0.0.1 that nothing listens on: bound by the system, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

test('a server that does not answer: the Share tab says no one can be reached, why, and what to do', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const id = await createWorkspace(page, 'Nobody home', 'nights-booked');
    const url = `ws://127.0.0.1:${await closedPort()}`;
    await shareFrom(page, id, url);
    // The app's own timer (UNREACHABLE_MS) turns "Connecting…" into the explanation.
    const status = page.getByRole('status').filter({ hasText: 'No one can be reached.' });
    await status.waitFor({ timeout: 30_000 });
    const text = (await status.textContent()) ?? '';
    expect(text).toContain(`(${url}) does not answer`);
    expect(text).toContain('Check that this device is online');
    expect(text).toContain('Connection settings');
    expect(text).not.toMatch(/signaling|TURN/i);
    await expect(page.getByRole('link', { name: 'No one reachable' }).count()).resolves.toBe(1);
    await expectNoA11yViolations(page, 'share tab, no one reachable');

    // Try again starts over: "Connecting…" first, then the same explanation from the timer.
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByText('Connecting…', { exact: true }).first().waitFor();
    await status.waitFor({ timeout: 30_000 });
    expect(errors.filter((e) => !e.includes('WebSocket'))).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a percent above 100 % is saved only after a yes, unless the metric may exceed 100 %', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const id = await createWorkspace(page, 'Percent slips', 'nights-booked');
    await page.goto(`/#/w/${id}/checkin`);
    const left = page.getByRole('status').filter({ hasText: 'left' });
    const start = Number(/(\d+) values? left/.exec((await left.textContent()) ?? '')?.[1]);
    expect(start).toBeGreaterThan(2);
    const question = (text: string) => page.getByRole('alert').filter({ hasText: text });

    // Check-in: 1250.5 on a percent metric asks; "Change it" saves nothing and 12.5 then saves.
    const conversion = page.getByLabel(/^Value of Searcher-to-booking conversion for/).first();
    await conversion.fill('1250.5');
    await conversion.press('Enter');
    await question('1,250.5 % is more than 100 % — save anyway?').waitFor();
    await page.getByRole('button', { name: 'Change it' }).click();
    await expect(question('save anyway?').count()).resolves.toBe(0);
    await conversion.fill('12.5');
    await conversion.press('Enter');
    // 12.5 is the first value saved: one fewer left, and the logged list holds 12.5 %, not 1,250.5.
    await left.getByText(`${start - 1} values left`).waitFor();
    await expect(page.locator('.logged').textContent()).resolves.toContain('12.5 %');
    await expect(page.locator('.logged').textContent()).resolves.not.toContain('1,250.5');

    // "Save anyway" saves the value as typed.
    const returning = page.getByLabel(/^Value of Bookings from returning guests for/).first();
    await returning.fill('150');
    await returning.press('Enter');
    await question('150 % is more than 100 % — save anyway?').waitFor();
    await page.getByRole('button', { name: 'Save anyway' }).click();
    await left.getByText(`${start - 2} values left`).waitFor();
    await expect(page.locator('.logged').textContent()).resolves.toContain('150 %');

    // Add a value on the metric page asks the same question.
    await page.goto(`/#/w/${id}/tree`);
    const enquiries = await treeRow(page, 'Enquiries answered within 24 hours').getAttribute(
      'data-id',
    );
    await page.goto(`/#/w/${id}/metric/${enquiries ?? ''}`);
    const value = page.getByLabel('Value', { exact: true });
    await value.fill('1250.5');
    await value.press('Enter');
    await question('1,250.5 % is more than 100 % — save anyway?').waitFor();
    await expectNoA11yViolations(page, 'add a value, the question');
    await page.getByRole('button', { name: 'Save anyway' }).click();
    await page.getByText('Saved 1,250.5 % for ').waitFor({ state: 'attached' });

    // A metric that may exceed 100 % (set in the tree editor) takes 250 % without a question.
    await page.goto(`/#/w/${id}/tree`);
    await treeRow(page, 'Enquiries answered within 24 hours').click();
    await page.getByRole('checkbox', { name: /May exceed 100 %/ }).check();
    await expect
      .poll(() => page.getByRole('checkbox', { name: /May exceed 100 %/ }).isChecked())
      .toBe(true);
    await page.goto(`/#/w/${id}/metric/${enquiries ?? ''}`);
    await value.fill('250');
    await value.press('Enter');
    await page.getByText('Saved 250 % for ').waitFor({ state: 'attached' });
    await expect(question('save anyway?').count()).resolves.toBe(0);

    // The North Star card's quick log asks too (the North Star made a percent for this).
    await page.goto(`/#/w/${id}/tree`);
    await treeRow(page, 'Nights booked').click();
    await page.getByLabel('Unit').selectOption('percent');
    await page.goto(`/#/w/${id}/dashboard`);
    const quick = page.getByLabel(/^Log /);
    await quick.fill('1250.5');
    await quick.press('Enter');
    await question('1,250.5 % is more than 100 % — save anyway?').waitFor();
    await page.getByRole('button', { name: 'Change it' }).click();
    await expect(question('save anyway?').count()).resolves.toBe(0);
    await expect(page.locator('.nsm .value').count()).resolves.toBe(0);
    await quick.fill('150');
    await quick.press('Enter');
    await question('150 % is more than 100 % — save anyway?').waitFor();
    await page.getByRole('button', { name: 'Save anyway' }).click();
    await page.locator('.nsm .value').filter({ hasText: '150 %' }).waitFor();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

/**
 * The metric editor's fields, each control and label as a box: pairs that overlap, and boxes
 * that stick out of the panel (or the panel out of the window), described.
 */
function editorLayoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const panel = document.querySelector('.editor');
    if (!panel) return ['no editor'];
    const p = panel.getBoundingClientRect();
    const found: string[] = [];
    if (p.left < 0 || p.right > document.documentElement.clientWidth + 0.5) {
      found.push(`the panel spans ${Math.round(p.left)}–${Math.round(p.right)}`);
    }
    const name = (el: Element): string => {
      const field = el.closest('.field, label, .wide') ?? el;
      return (field.querySelector('label')?.textContent ?? field.textContent ?? '')
        .trim()
        .slice(0, 30);
    };
    const boxes = [...panel.querySelectorAll('.grid :is(label, input, select, textarea)')]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0);
    boxes.forEach(({ el, r }, i) => {
      if (r.left < p.left - 0.5 || r.right > p.right + 0.5) {
        found.push(
          `${el.tagName.toLowerCase()} of “${name(el)}” spans ${Math.round(r.left)}–${Math.round(r.right)}, the panel ${Math.round(p.left)}–${Math.round(p.right)}`,
        );
      }
      for (const { el: other, r: o } of boxes.slice(i + 1)) {
        // A checkbox sits inside its own label: that is not an overlap.
        if (el.contains(other) || other.contains(el)) continue;
        const overlap =
          Math.min(r.right, o.right) - Math.max(r.left, o.left) > 0.5 &&
          Math.min(r.bottom, o.bottom) - Math.max(r.top, o.top) > 0.5;
        if (overlap) {
          found.push(
            `${el.tagName.toLowerCase()} of “${name(el)}” overlaps ${other.tagName.toLowerCase()} of “${name(other)}”`,
          );
        }
      }
    });
    return found;
  });
}

test('the metric editor: no field overlaps another or leaves the panel, from 390 to 1600 px wide', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const id = await createWorkspace(page, 'Editor widths', 'nights-booked');
    // An owner whose name and team make the longest option of the Owner field.
    await page.goto(`/#/w/${id}/people`);
    await page
      .getByLabel('New person’s name')
      .fill('Maximiliane Alexandra Featherstonehaugh-Smythe');
    await page.getByLabel('Their team').fill('Marketplace growth and international expansion');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByLabel('Name', { exact: true }).first().waitFor();
    await page.goto(`/#/w/${id}/tree`);
    // A percent metric: its editor has every field, the May-exceed-100 % one included.
    await treeRow(page, 'Searcher-to-booking conversion').click();
    await page.locator('.editor').waitFor();
    await page.getByLabel('Owner', { exact: true }).selectOption({
      label:
        'Maximiliane Alexandra Featherstonehaugh-Smythe (Marketplace growth and international expansion)',
    });
    for (const width of [1024, 1280, 1600, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await expect.poll(() => page.evaluate(() => window.innerWidth)).toBe(width);
      expect({ width, problems: await editorLayoutProblems(page) }).toEqual({
        width,
        problems: [],
      });
    }
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

/** Boxes wider than the window or past its right edge on the current screen, described. */
function offScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width) {
      found.push(`the page is ${document.documentElement.scrollWidth} px wide`);
    }
    const check = (what: string, el: Element | null): void => {
      if (!el) {
        found.push(`${what}: not shown`);
        return;
      }
      const r = el.getBoundingClientRect();
      if (r.left < 0 || r.right > width + 0.5) {
        found.push(`${what} spans ${Math.round(r.left)}–${Math.round(r.right)}`);
      }
    };
    const buttons = [...document.querySelectorAll('header button')];
    check('Undo', buttons.find((b) => b.textContent?.trim() === 'Undo') ?? null);
    check('Redo', buttons.find((b) => b.textContent?.trim() === 'Redo') ?? null);
    const saved = [...document.querySelectorAll('header *')].find(
      (e) => e.children.length === 0 && e.textContent?.trim() === 'Saved on this device',
    );
    check('the saved state', saved ?? null);
    for (const tab of document.querySelectorAll('nav[aria-label="Workspace"] a')) {
      const r = tab.getBoundingClientRect();
      if (r.width > 240)
        found.push(`tab “${tab.textContent?.trim()}” is ${Math.round(r.width)} px`);
    }
    for (const card of document.querySelectorAll('.nsm, .lines > *')) {
      const r = card.getBoundingClientRect();
      const parent = card.parentElement?.getBoundingClientRect();
      if (parent && r.right > parent.right + 0.5) {
        found.push(`a card reaches ${Math.round(r.right)}, its column ${Math.round(parent.right)}`);
      }
      check('a card', card);
    }
    return found;
  });
}

test('300-character unbroken names keep the header, the tabs and the dashboard cards on screen', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const id = await createWorkspace(page, 'W'.repeat(300), 'saas-weekly-active-users');
    // The North Star and an input renamed to 300 characters without a space.
    const longStar = 'Weeklyactiveusers'.repeat(18).slice(0, 300);
    const longInput = 'Accountswiththreeormoreactiveusers'.repeat(9).slice(0, 300);
    await page.goto(`/#/w/${id}/tree`);
    for (const [from, to] of [
      ['Weekly active users', longStar],
      ['Accounts with 3 or more active users', longInput],
    ] as const) {
      await treeRow(page, from).click();
      await page.getByLabel('Name', { exact: true }).fill(to);
      await page.getByLabel('Name', { exact: true }).press('Enter');
      await treeRow(page, to).waitFor();
    }
    const starId = (await treeRow(page, longStar).getAttribute('data-id')) ?? '';
    // A value for the North Star, so its card shows the number, the change and the trend.
    await page.goto(`/#/w/${id}/checkin`);
    const star = page.getByLabel(/^Value of Weeklyactive/).first();
    await star.fill('1200');
    await star.press('Enter');
    await page.getByText('Saved on this device').waitFor();
    await page.goto(`/#/w/${id}/dashboard`);
    await page.locator('.nsm').getByText('1,200').waitFor();
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 844 });
      await expect.poll(() => page.evaluate(() => window.innerWidth)).toBe(width);
      for (const tab of ['dashboard', 'tree', 'checkin', `metric/${starId}`]) {
        await page.goto(`/#/w/${id}/${tab}`);
        await page.getByText('Saved on this device').waitFor();
        await page.locator('main h2').first().waitFor();
        expect({ width, tab, problems: await offScreen(page) }).toEqual({
          width,
          tab,
          problems: [],
        });
      }
    }
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('one search over metrics, plans, insights and people: "/" to focus, arrows and Enter, offline', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const id = await createWorkspace(page, 'Search team', 'nights-booked');
    await page.goto(`/#/w/${id}/people`);
    await page.getByLabel('New person’s name').fill('José Álvarez');
    await page.getByLabel('Their team').fill('Growth');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.locator('[id^="person-name-"]').first().waitFor();
    await page.goto(`/#/w/${id}/customers/journey`);
    await page
      .getByRole('button', { name: /^Start from: / })
      .first()
      .click();
    await page.goto(`/#/w/${id}/customers`);
    await page.getByRole('button', { name: 'New success plan' }).click();
    await page.getByLabel('Customer', { exact: true }).fill('Café Crème GmbH');
    await page.getByRole('button', { name: 'Create plan' }).click();
    await page.getByRole('heading', { level: 2, name: 'Café Crème GmbH' }).waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Capture insight' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByLabel('Quote or observation')
      .fill('Booking a second room takes too many steps');
    await dialog.getByLabel('Customer').fill('Café Crème GmbH');
    await dialog.getByLabel('Quote or observation').press('Control+Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Saved on this device').waitFor();

    // Offline from here: the search reads this device's copy.
    await waitOfflineReady(page);
    await context.setOffline(true);
    await page.goto(`/#/w/${id}/dashboard`);
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);
    await page.locator('main h2').first().waitFor();

    const box = page.getByRole('combobox', { name: 'Search metrics, plans, insights, people' });
    const results = page.getByRole('listbox', { name: 'Search results' });
    const options = () =>
      results
        .getByRole('option')
        .evaluateAll((els) =>
          els.map(
            (e) =>
              `${e.getAttribute('aria-selected') === 'true' ? '>' : ' '}${e.querySelector('.title')?.textContent}`,
          ),
        );
    // "/" outside a field focuses the search.
    await page.locator('main h2').first().click();
    await page.keyboard.press('/');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('workspace-search');
    // Accents and case ignored: "cafe creme" finds the plan by name and the insight by its customer.
    await page.keyboard.type('cafe CREME');
    await expect
      .poll(options)
      .toEqual(['>Café Crème GmbH', ' Booking a second room takes too many steps']);
    await expect(
      results
        .getByRole('group')
        .evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-labelledby'))),
    ).resolves.toEqual(['search-group-plan', 'search-group-insight']);
    await expectNoA11yViolations(page, 'search results');
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(options)
      .toEqual([' Café Crème GmbH', '>Booking a second room takes too many steps']);
    await page.keyboard.press('Enter');
    // The insight opens on the Insights tab, focused.
    await page.waitForURL(/\/insights$/);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe('Booking a second room takes too many steps');

    // A person, by a name typed without its accents.
    await page.locator('main h2').first().click();
    await page.keyboard.press('/');
    await page.keyboard.type('alvarez');
    await expect.poll(options).toEqual(['>José Álvarez']);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/people$/);
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value))
      .toBe('José Álvarez');

    // A metric, by two word beginnings in any order; Enter opens its page.
    await box.fill('conv book');
    await expect.poll(options).toEqual(['>Searcher-to-booking conversion']);
    await box.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Searcher-to-booking conversion' }).waitFor();

    // Nothing found says so; Escape closes the list, a second Escape clears the field.
    await box.fill('zzzz');
    await page.getByRole('status').filter({ hasText: 'Nothing matches “zzzz”.' }).waitFor();
    await box.press('Escape');
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
    await box.press('Escape');
    await expect(box.inputValue()).resolves.toBe('');

    // On a phone the field fits the header and the page stays 390 px wide.
    await page.setViewportSize({ width: 390, height: 844 });
    await box.fill('book');
    await results.getByRole('option').first().waitFor();
    const fits = await page.evaluate(() => {
      const list = document.querySelector('.results')?.getBoundingClientRect();
      return {
        page: document.documentElement.scrollWidth,
        list: list ? list.left >= 0 && list.right <= window.innerWidth : false,
      };
    });
    expect(fits).toEqual({ page: 390, list: true });
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('bulk edit: three metrics checked in the outline get an owner, a cadence and a status; one Undo per change', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const id = await createWorkspace(page, 'Bulk team', 'nights-booked');
    await page.goto(`/#/w/${id}/people`);
    await page.getByLabel('New person’s name').fill('Ana');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.locator('[id^="person-name-"]').first().waitFor();
    await page.goto(`/#/w/${id}/tree`);
    const three = [
      'Bookable listings',
      'Searcher-to-booking conversion',
      'Average nights per booking',
    ];
    // Space checks the focused row; ↓ moves on.
    await treeRow(page, three[0]!).click();
    await page.keyboard.press('Space');
    for (let i = 1; i < three.length; i++) {
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Space');
    }
    await expect(
      page
        .getByRole('treeitem', { checked: true })
        .evaluateAll((rows) => rows.map((r) => r.querySelector('.name')?.textContent)),
    ).resolves.toEqual(three);
    const bar = page.getByRole('group', { name: '3 selected: set' });
    await bar.waitFor();
    await expectNoA11yViolations(page, 'tree with three metrics checked');
    const facts = (name: string) =>
      treeRow(page, name).evaluate((r) =>
        [
          r.querySelector('.owner')?.textContent,
          r.querySelector('.cadence')?.textContent,
          r.querySelector('.status')?.textContent ?? 'active',
        ].join(' · '),
      );

    await bar.getByLabel('Set the owner of the selected metrics').selectOption({ label: 'Ana' });
    await bar.getByRole('status').filter({ hasText: '3 metrics now owned by Ana.' }).waitFor();
    await bar
      .getByLabel('Set the cadence of the selected metrics')
      .selectOption({ label: 'Monthly' });
    await bar.getByRole('status').filter({ hasText: '3 metrics now monthly.' }).waitFor();
    await bar
      .getByLabel('Set the status of the selected metrics')
      .selectOption({ label: 'Retired' });
    await bar.getByRole('status').filter({ hasText: '3 metrics now retired.' }).waitFor();
    for (const name of three) await expect(facts(name)).resolves.toBe('Ana · monthly · retired');
    // The rows not checked are as they were.
    await expect(facts('Nights booked')).resolves.toBe('no owner · weekly · active');
    await expect(facts('Bookings from returning guests')).resolves.toBe(
      'no owner · weekly · active',
    );

    // One Undo takes back the status of all three, the next the cadence.
    await page.getByRole('button', { name: 'Undo' }).click();
    for (const name of three) await expect.poll(() => facts(name)).toBe('Ana · monthly · active');
    await page.getByRole('button', { name: 'Undo' }).click();
    for (const name of three) await expect.poll(() => facts(name)).toBe('Ana · weekly · active');

    // Clear selection unchecks every row and hides the bar.
    await bar.getByRole('button', { name: 'Clear selection' }).click();
    await bar.waitFor({ state: 'detached' });
    await expect(page.getByRole('treeitem', { checked: true }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('help lists the keys of the screen ("?" or the Help button); printed, no screen shows buttons or navigation', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const id = await createWorkspace(page, 'Help and print', 'nights-booked');
    // Every button on the header bar can be read: its text is not the colour of its face (axe
    // leaves white on white "to review"; the Help button was).
    await page.getByRole('button', { name: 'Help' }).waitFor();
    const unreadable = await page
      .locator('header.top .tools button')
      .evaluateAll((buttons) =>
        buttons
          .filter((b) => getComputedStyle(b).color === getComputedStyle(b).backgroundColor)
          .map((b) => b.textContent?.trim()),
      );
    expect(unreadable).toEqual([]);
    await page.goto(`/#/w/${id}/tree`);
    await treeRow(page, 'Nights booked').click();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard keys: Metric tree' });
    await help.waitFor();
    const lines = () =>
      help
        .locator('dl > div')
        .evaluateAll((rows) => rows.map((r) => r.textContent?.replace(/\s+/g, ' ').trim()));
    await expect(lines()).resolves.toEqual(
      expect.arrayContaining([
        'Space Check the metric for a bulk edit of owner, cadence, status',
        'Alt+→ / Alt+← Indent under the one above / outdent',
        '/ Search metrics, plans, insights and people',
      ]),
    );
    await expectNoA11yViolations(page, 'help panel');
    // Escape closes it and the focus goes back to the row it came from.
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('treeitem');

    // The Help button on the check-in lists the check-in's keys, not the tree's.
    await page.goto(`/#/w/${id}/checkin`);
    await page.getByRole('button', { name: 'Help' }).click();
    const checkinHelp = page.getByRole('dialog', { name: 'Keyboard keys: Check-in' });
    await checkinHelp.waitFor();
    const checkinLines = await checkinHelp.locator('dl > div').allTextContents();
    expect(checkinLines.join('\n')).toContain('Save the value and go to the next metric');
    expect(checkinLines.join('\n')).not.toContain('bulk edit');
    await checkinHelp.getByRole('button', { name: 'Close' }).click();
    await checkinHelp.waitFor({ state: 'hidden' });

    // Printed: every tab shows its content and the workspace's name, with no button, no
    // navigation and no search.
    const tabs = await page
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(tabs.length).toBeGreaterThan(10);
    // A metric's page too: its own buttons (Add, the chart's windows) must go as well.
    await page.goto(`/#/w/${id}/tree`);
    tabs.push(
      `#/w/${id}/metric/${(await treeRow(page, 'Nights booked').getAttribute('data-id')) ?? ''}`,
    );
    await page.emulateMedia({ media: 'print' });
    for (const href of tabs) {
      await page.goto(`/${href}`);
      await page.locator('main h2').first().waitFor(); // the screen's content is shown
      const shown = await page.evaluate(() => {
        const visible = (el: Element): boolean => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
        };
        return {
          buttons: [...document.querySelectorAll('button')]
            .filter(visible)
            .map((b) => b.textContent?.trim()),
          nav: [...document.querySelectorAll('nav')].filter(visible).length,
          search: [...document.querySelectorAll('[role="search"]')].filter(visible).length,
          name: visible(document.querySelector('h1') ?? document.body),
        };
      });
      expect({ href, ...shown }).toEqual({ href, buttons: [], nav: 0, search: 0, name: true });
    }
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
