/**
 * A tree you can read: diagram cards show the latest value, its change, the target, the status
 * (the dashboard's words and colours) and a trend; the diagram opens at 100 % with text of 12 px
 * or more, goes full width when asked, exports SVG (names and values in it) and PNG (a real PNG),
 * passes axe, and on a 390 px phone pans inside its own box with no sideways scroll.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { expectNoA11yViolations, launchBrowser, newPage } from './support/browser';
import { createWorkspace, nav, treeRow, waitSaved } from './support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const NSM = 'Weekly active users';
const pad = (n: number): string => String(n).padStart(2, '0');

/** A local date `days` from today, YYYY-MM-DD. */
function localDate(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The SaaS template with this week's values logged (1,200 for the North Star, then 10, 20, …),
 * a baseline of 1,000 five weeks ago and a quarter target of 1,100 for the North Star, so it is
 * on track; the diagram is open.
 */
async function treeWithValues(page: Page): Promise<string> {
  const id = await createWorkspace(page, 'Diagram team', 'saas-weekly-active-users');
  const nsmId = (await treeRow(page, NSM).getAttribute('data-id')) ?? '';
  await nav(page, 'Check-in').click();
  const left = page.getByRole('status').filter({ hasText: 'left' });
  await left.getByText('7 values left').waitFor();
  for (let i = 0; i < 7; i++) {
    const focused = await page.evaluate(() => document.activeElement?.id ?? '');
    const label = await page.evaluate(
      (fid) => document.querySelector(`label[for="${CSS.escape(fid)}"]`)?.textContent ?? '',
      focused,
    );
    await page.keyboard.type(label.includes(NSM) ? '1200' : String((i + 1) * 10));
    await page.keyboard.press('Enter');
    await left
      .getByText(`${6 - i} value`)
      .or(page.getByText('All caught up'))
      .first()
      .waitFor();
  }
  await page.getByText('All caught up').waitFor();

  await page.goto(`/#/w/${encodeURIComponent(id)}/metric/${encodeURIComponent(nsmId)}`);
  await page.getByRole('heading', { level: 2, name: NSM }).waitFor();
  await page.getByLabel('Baseline value').fill('1000');
  await page.getByLabel('Baseline value').press('Enter');
  await page.getByLabel('Baseline date').fill(localDate(-35));
  const d = new Date();
  const quarter = `Q${Math.floor(d.getMonth() / 3) + 1} ${d.getFullYear()}`;
  await page.getByRole('button', { name: `Add ${quarter}`, exact: true }).click();
  await page.getByLabel(quarter, { exact: true }).fill('1100');
  await page.getByLabel(quarter, { exact: true }).press('Enter');
  await expect.poll(() => page.locator('[data-status]').first().textContent()).toBe('On track');

  await nav(page, 'Metric tree').click();
  await treeRow(page, NSM).waitFor();
  await page.getByRole('button', { name: 'Diagram' }).click();
  await page.getByRole('group', { name: 'Metric tree diagram' }).waitFor();
  return id;
}

/** The card (button) of a metric in the diagram. */
const card = (page: Page, name: string) =>
  page.locator('.node').filter({ has: page.locator(`.card[aria-label^="${name},"]`) });

test('cards show value, change, target, status and trend; full width; SVG and PNG export', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await treeWithValues(page);

    const nsm = card(page, NSM);
    await expect(nsm.getAttribute('data-status')).resolves.toBe('on-track');
    await expect(nsm.locator('.face').textContent()).resolves.toContain('1,200');
    await expect(nsm.locator('.face .status').textContent()).resolves.toBe(
      'On track · Target 1,100',
    );
    await expect(nsm.locator('.card').getAttribute('aria-label')).resolves.toContain(
      'latest 1,200, On track · Target 1,100',
    );
    // One value so far: the trend is a dot, there is no change yet.
    await expect(nsm.locator('.trend').count()).resolves.toBe(1);
    await expect(nsm.locator('.change').count()).resolves.toBe(0);
    // Inputs without a target say so, in the dashboard's words.
    await expect(
      page.locator('.node[data-kind="input"] .face .status').first().textContent(),
    ).resolves.toBe('No target');

    // Readable at 100 %: the view is not shrunk and no text is under 12 px.
    await expect(page.locator('.canvas > g').first().getAttribute('transform')).resolves.toMatch(
      /scale\(1\)$/,
    );
    const smallest = await page
      .locator('.face text')
      .evaluateAll((texts) =>
        Math.min(...texts.map((t) => parseFloat(getComputedStyle(t).fontSize))),
      );
    expect(smallest).toBeGreaterThanOrEqual(12);
    await expectNoA11yViolations(page, 'tree diagram with values');

    // Full width: the diagram takes the row.
    const before = await page
      .locator('.diagram')
      .evaluate((el) => el.getBoundingClientRect().width);
    await page.getByRole('button', { name: 'Full width' }).click();
    await expect
      .poll(() => page.locator('.diagram').evaluate((el) => el.getBoundingClientRect().width))
      .toBeGreaterThan(before + 200);
    await expect(
      page.getByRole('button', { name: 'Full width' }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');

    // SVG: the metric names and values, plain text, nothing for a canvas to choke on.
    const [svgFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export SVG' }).click(),
    ]);
    expect(svgFile.suggestedFilename()).toMatch(
      /^lodestar-diagram-team-tree-\d{4}-\d{2}-\d{2}\.svg$/,
    );
    const svg = await readFile(await svgFile.path(), 'utf8');
    expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('>1,200</text>');
    expect(svg).toContain('On track · Target 1,100');
    expect(svg).not.toContain('foreignObject');
    const names = await page
      .locator('.node > .card')
      .evaluateAll((cards) =>
        cards.map((c) => (c.getAttribute('aria-label') ?? '').split(', ')[0] ?? ''),
      );
    // Every card's name is in it (wrapped names continue on the next line).
    const svgText = [...svg.matchAll(/>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
    expect(names).toHaveLength(7);
    for (const name of names) expect(svgText).toContain(name.replace(/&/g, '&amp;'));

    // PNG: the signature, and an IHDR at twice the SVG's size.
    const [pngFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export PNG' }).click(),
    ]);
    expect(pngFile.suggestedFilename()).toMatch(
      /^lodestar-diagram-team-tree-\d{4}-\d{2}-\d{2}\.png$/,
    );
    const png = await readFile(await pngFile.path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    const svgWidth = Number(/<svg[^>]* width="(\d+)"/.exec(svg)?.[1]);
    expect(png.readUInt32BE(16)).toBe(Math.floor(svgWidth * 2));
    expect(png.readUInt32BE(20)).toBeGreaterThan(100);

    // The outline shows the status too.
    await page.getByRole('button', { name: 'Outline' }).click();
    await expect(treeRow(page, NSM).locator('.track').textContent()).resolves.toBe('On track');
    await waitSaved(page);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('60 metrics open at 100 % and the diagram pans inside its box on a 390 px phone', async () => {
  const context = await browser.newContext({
    baseURL: inject('baseURL'),
    viewport: { width: 390, height: 844 },
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    await createWorkspace(page, 'Sixty', 'saas-weekly-active-users');
    await treeRow(page, NSM).waitFor();
    const before = await page.getByRole('treeitem').count();
    // Fill the tree to 60 metrics under one input (a stacked column), the add form kept open.
    await page.getByRole('treeitem').nth(1).click();
    await page.keyboard.press('a');
    const name = page.getByLabel('Name', { exact: true });
    for (let i = before + 1; i <= 60; i++) {
      await name.fill(`Extra metric ${i}`);
      await name.press(i < 60 ? 'Shift+Enter' : 'Enter');
    }
    await expect.poll(() => page.getByRole('treeitem').count()).toBe(60);
    await page.getByRole('button', { name: 'Diagram' }).click();
    await page.getByRole('group', { name: 'Metric tree diagram' }).waitFor();
    await expect(page.locator('.node').count()).resolves.toBe(60);
    const g = page.locator('.canvas > g').first();
    await expect(g.getAttribute('transform')).resolves.toMatch(/scale\(1\)$/);

    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      box: document.querySelector('.diagram')?.getBoundingClientRect().width ?? 0,
    }));
    expect(widths.page).toBeLessThanOrEqual(390);
    expect(widths.box).toBeLessThanOrEqual(390);

    // A drag on the background pans the diagram, not the page.
    const from = await g.getAttribute('transform');
    const viewport = page.locator('.viewport');
    const boxOf = await viewport.boundingBox();
    if (!boxOf) throw new Error('no diagram viewport');
    // The left edge is background: the cards start 16 px or more in.
    const x = boxOf.x + 6;
    const y = boxOf.y + boxOf.height / 2;
    await expect(
      page.evaluate(
        ([px, py]) => document.elementFromPoint(px ?? 0, py ?? 0)?.closest('.node') ?? null,
        [x, y],
      ),
    ).resolves.toBe(null);
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 150, y - 80, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => g.getAttribute('transform')).not.toBe(from);
    await expect(page.evaluate(() => window.scrollX)).resolves.toBe(0);
    await expectNoA11yViolations(page, 'tree diagram, 60 metrics, phone');
  } finally {
    await context.close();
  }
});
