/**
 * Every day, on every screen: on a 390 × 844 phone every screen fits without sideways scroll,
 * its buttons and links are 44 px targets and a check-in works by touch; with the system in dark
 * mode every screen is dark (computed colours and the screenshot's pixels) and passes axe,
 * colour contrast included. The workspace has a 300-character unbroken name throughout, so the
 * header is tested with the worst name there is.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { expectNoA11yViolations, launchBrowser } from './support/browser';
import { createWorkspace, nav, treeRow, waitSaved } from './support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const PHONE = { width: 390, height: 844 };
const NAME = 'W'.repeat(300);
const NSM = 'Weekly active users';
/** The dark-mode screenshots are kept here, one per screen, to look at. */
const SHOTS = path.join(tmpdir(), 'lodestar-phone-and-dark');

/** A phone: 390 × 844, touch, the app's origin; console errors collected like newPage does. */
async function newPhone(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: inject('baseURL'),
    viewport: PHONE,
    hasTouch: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`[console.error] ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`[pageerror] ${e.stack ?? e.message}`));
  return { context, page, errors };
}

/** The page's width in CSS pixels, scrolled content included. */
const scrollWidth = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth);

/**
 * The visible buttons, links, selects, disclosure summaries and other touch shortcuts
 * (`data-touch-target`, such as the outline's bulk-edit box) of the main area that are less
 * than 44 px tall, described. Skipped: links inside running text (an inline link in a sentence,
 * which WCAG 2.5.8 exempts and which cannot be taller than its line), and what is visually
 * hidden (the chart's data table for screen readers).
 */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const inSentence = (el: Element): boolean => {
      if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
      let block = el.parentElement;
      while (block && getComputedStyle(block).display.startsWith('inline')) {
        block = block.parentElement;
      }
      const own = (el.textContent ?? '').trim().length;
      return (block?.textContent ?? '').trim().length > own;
    };
    const found: string[] = [];
    for (const el of document.querySelectorAll(
      'main :is(button, a[href], select, summary, [data-touch-target])',
    )) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (getComputedStyle(el).visibility === 'hidden' || el.closest('.visually-hidden')) continue;
      if (inSentence(el)) continue;
      if (box.height < 44) {
        const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
        found.push(`${el.tagName.toLowerCase()} “${label}” is ${Math.round(box.height)} px tall`);
      }
    }
    return found;
  });
}

/** Relative luminance (WCAG) of a computed colour `rgb(r, g, b)` / `rgba(…)`. */
function luminanceOf(colour: string): number {
  const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** The page's background (the body's, or the root's behind a transparent body) and text colour. */
function pageColours(page: Page): Promise<{ background: string; text: string }> {
  return page.evaluate(() => {
    const body = getComputedStyle(document.body);
    const transparent = (c: string): boolean => c === 'transparent' || c === 'rgba(0, 0, 0, 0)';
    const background = transparent(body.backgroundColor)
      ? getComputedStyle(document.documentElement).backgroundColor
      : body.backgroundColor;
    return { background, text: body.color };
  });
}

/**
 * The mean relative luminance of a PNG, decoded in a blank page of the browser (no CSP there)
 * with createImageBitmap and a canvas; every 4th pixel of every 4th row is enough.
 */
async function meanLuminance(decoder: Page, png: Buffer): Promise<number> {
  return decoder.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(bitmap, 0, 0);
    const { data, width, height } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    const lin = (v: number): number => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    let sum = 0;
    let n = 0;
    for (let y = 0; y < height; y += 4) {
      for (let x = 0; x < width; x += 4) {
        const i = (y * width + x) * 4;
        sum += 0.2126 * lin(data[i]!) + 0.7152 * lin(data[i + 1]!) + 0.0722 * lin(data[i + 2]!);
        n++;
      }
    }
    return sum / n;
  }, png.toString('base64'));
}

/**
 * The checks of one screen: at phone width it fits and its targets are 44 px; then, with the
 * system switched to dark, it is dark, readable and passes axe; then back to light.
 */
async function checkScreen(page: Page, decoder: Page, label: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await scrollWidth(page), `${label}: page width at 390 px`).toBeLessThanOrEqual(390);
  expect(await smallTargets(page), `${label}: targets under 44 px`).toEqual([]);

  await page.emulateMedia({ colorScheme: 'dark' });
  const { background, text } = await pageColours(page);
  expect(luminanceOf(background), `${label}: dark background ${background}`).toBeLessThan(0.2);
  expect(luminanceOf(text), `${label}: light text ${text}`).toBeGreaterThan(0.5);
  await expectNoA11yViolations(page, `${label}, dark`);
  const png = await page.screenshot();
  await writeFile(path.join(SHOTS, `${label.replace(/\W+/g, '-')}.png`), png);
  expect(
    await meanLuminance(decoder, png),
    `${label}: mean luminance of the screenshot`,
  ).toBeLessThan(0.2);
  expect(await scrollWidth(page), `${label}: page width at 390 px, dark`).toBeLessThanOrEqual(390);
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Waits until a lazily loaded screen shows its heading. */
async function screenShown(page: Page): Promise<void> {
  await page.getByText('Opening workspace…').waitFor({ state: 'detached' });
  await page.locator('main :is(h2, h3)').first().waitFor();
}

test('every screen fits a 390 px phone with 44 px targets, a check-in works by touch, and dark mode follows the system', async () => {
  await mkdir(SHOTS, { recursive: true });
  const { context, page, errors } = await newPhone();
  const decoder = await context.newPage();
  try {
    await page.goto('/');
    await page.getByLabel('Name', { exact: true }).waitFor();
    await checkScreen(page, decoder, 'start');

    const id = await createWorkspace(page, NAME, 'saas-weekly-active-users');
    const base = `/#/w/${encodeURIComponent(id)}`;

    // The check-in by touch: tap the value, type it, tap Save; the header says it is saved.
    await nav(page, 'Check-in').tap();
    await page.getByText('7 values left').waitFor();
    await checkScreen(page, decoder, 'check-in');
    for (const [metric, value] of [
      [NSM, '1200'],
      ['Accounts with 3 or more active users', '42'],
    ] as const) {
      const field = page.getByLabel(new RegExp(`^Value of ${metric} for `));
      await field.tap();
      await page.keyboard.type(value);
      await page
        .getByRole('listitem')
        .filter({ has: field })
        .getByRole('button', { name: 'Save' })
        .tap();
    }
    await page.getByText('5 values left').waitFor();
    await waitSaved(page);

    // A plan, so the plan page and the customers screen have something to show.
    await page.goto(`${base}/customers/journey`);
    await page
      .getByRole('button', { name: /^Start from: Signed → Onboarded → First request/ })
      .tap();
    await page.goto(`${base}/customers`);
    await page.getByRole('button', { name: 'New success plan' }).tap();
    await page.getByLabel('Customer', { exact: true }).fill('Acme Corporation');
    await page.getByRole('button', { name: 'Create plan' }).tap();
    await page.getByRole('heading', { level: 2, name: 'Acme Corporation' }).waitFor();
    await screenShown(page);
    await checkScreen(page, decoder, 'plan');

    // Every tab of the workspace, as the navigation lists them.
    const tabs = await page
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link')
      .evaluateAll((links) =>
        links.map((a) => {
          const copy = a.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('.count').forEach((c) => c.remove());
          return { label: (copy.textContent ?? '').trim(), href: a.getAttribute('href') ?? '' };
        }),
      );
    expect(tabs.map((t) => t.label)).toEqual(
      expect.arrayContaining(['Dashboard', 'Check-in', 'Metric tree', 'Data', 'Settings']),
    );
    for (const tab of tabs) {
      await page.goto(`/${tab.href}`);
      await screenShown(page);
      await checkScreen(page, decoder, tab.label);
    }

    // The tree diagram pans inside its own box and never widens the page.
    await page.goto(`${base}/tree`);
    await page.getByRole('button', { name: 'Diagram' }).tap();
    const diagram = page.getByRole('group', { name: 'Metric tree diagram' });
    await diagram.waitFor();
    const box = await diagram.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await checkScreen(page, decoder, 'tree diagram');

    // The metric page, its chart drawn from the colour tokens.
    await page.getByRole('button', { name: 'Outline' }).tap();
    const metricId = await treeRow(page, NSM).getAttribute('data-id');
    await page.goto(`${base}/metric/${encodeURIComponent(metricId ?? '')}`);
    await page.getByRole('heading', { level: 2, name: NSM }).waitFor();
    await page.getByText('Loading chart…').waitFor({ state: 'detached' });
    await checkScreen(page, decoder, 'metric');

    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
