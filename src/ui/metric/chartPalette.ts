/**
 * The metric chart's colours, read from the page's colour tokens (global.css), so the canvas
 * follows light and dark mode like the rest of the page. chart.js and the canvas take colour
 * strings, not `var(--…)`, so the tokens are resolved here with getComputedStyle.
 */
export interface ChartPalette {
  /** Legend text. */
  ink: string;
  /** Tick labels. */
  muted: string;
  /** The axis lines. */
  line: string;
  /** The grid lines. */
  grid: string;
  /** Behind the forecast's end point. */
  panel: string;
  /** The actual values and the forecast. */
  actual: string;
  /** The area under the actual values. */
  actualFill: string;
  /** The pace line and the baseline marker. */
  pace: string;
  benchmark: string;
  target: string;
}

/** The light tokens, for when nothing can be read (no element yet, a test without CSS). */
export const LIGHT_PALETTE: ChartPalette = {
  ink: '#1b1f2a',
  muted: '#5b6475',
  line: '#d8dce6',
  grid: '#eef0f5',
  panel: '#ffffff',
  actual: '#2f5bd3',
  actualFill: 'rgba(47, 91, 211, 0.08)',
  pace: '#5b6475',
  benchmark: '#8a5a00',
  target: '#1a7f37',
};

/** `#rgb` or `#rrggbb` with an alpha, as rgba(); any other colour is returned unchanged. */
export function withAlpha(colour: string, alpha: number): string {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (!m?.[1]) return colour;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** The palette from the tokens as they apply to `el` (the chart's canvas). */
export function readPalette(el: Element): ChartPalette {
  const style = getComputedStyle(el);
  const token = (name: string, fallback: string): string =>
    style.getPropertyValue(name).trim() || fallback;
  const actual = token('--accent-2', LIGHT_PALETTE.actual);
  return {
    ink: token('--ink', LIGHT_PALETTE.ink),
    muted: token('--muted', LIGHT_PALETTE.muted),
    line: token('--line', LIGHT_PALETTE.line),
    grid: token('--line-soft', LIGHT_PALETTE.grid),
    panel: token('--panel', LIGHT_PALETTE.panel),
    actual,
    actualFill: withAlpha(actual, 0.08),
    pace: token('--muted', LIGHT_PALETTE.pace),
    benchmark: token('--warn', LIGHT_PALETTE.benchmark),
    target: token('--ok', LIGHT_PALETTE.target),
  };
}

/** Calls `onchange` whenever the system switches between light and dark; returns the stop. */
export function onColourSchemeChange(onchange: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => {};
  const query = matchMedia('(prefers-color-scheme: dark)');
  query.addEventListener('change', onchange);
  return () => query.removeEventListener('change', onchange);
}
