/**
 * A chart.js plugin of ours that shades experiment windows on the metric chart, each labelled
 * with its experiment's title; a click on a band or its label opens the experiment. Colours are
 * the page's colour tokens, read at every draw, so the chart follows light and dark mode. Types
 * only from chart.js here (the chart is loaded on first use). The canvas is not accessible:
 * MetricChart lists the same windows as links under the chart.
 */
import type { Chart, Plugin } from 'chart.js';
import {
  bandPixels,
  fitLabel,
  labelRows,
  windowAt,
  type Box,
  type ChartWindow,
} from './chartWindows';

export interface WindowSource {
  /** The windows to draw (read at every draw). */
  windows: () => readonly ChartWindow[];
  onopen: (id: string) => void;
  /** The windows drawn (those inside the chart's x range) and where, after every draw. */
  ondrawn?: (drawn: readonly DrawnWindow[]) => void;
}

/** A window as drawn: its band and label (null when there was no room) in CSS pixels. */
export interface DrawnWindow {
  id: string;
  band: Box;
  label: Box | null;
}

const LABEL_HEIGHT = 18;
const LABEL_PAD = 5;
const LABEL_MAX = 180;
const MAX_ROWS = 3;

function token(chart: Chart, name: string, fallback: string): string {
  const v = getComputedStyle(chart.canvas).getPropertyValue(name).trim();
  return v === '' ? fallback : v;
}

export function windowPlugin(source: WindowSource): Plugin<'line'> {
  let hits: DrawnWindow[] = [];
  let layout: { w: ChartWindow; left: number; right: number; label: Box | null; text: string }[] =
    [];

  return {
    id: 'experimentWindows',

    // Bands go behind the lines and points.
    beforeDatasetsDraw(chart) {
      const x = chart.scales.x;
      const area = chart.chartArea;
      const count = chart.data.labels?.length ?? 0;
      const ctx = chart.ctx;
      const windows = source.windows().filter((w) => w.range !== null);
      if (!x || count === 0) {
        layout = [];
        hits = [];
        return;
      }
      const font = `600 12px ${getComputedStyle(chart.canvas).fontFamily || 'sans-serif'}`;
      ctx.save();
      ctx.font = font;
      const measure = (s: string): number => ctx.measureText(s).width;
      const bands = windows.map((w) => {
        const r = w.range as { from: number; to: number };
        const span = bandPixels(r, count, (i) => x.getPixelForValue(i), area);
        return { w, ...span };
      });
      // Labels start at their band's left edge (kept inside the plot) and may be wider than it.
      const labels = bands.map((b) => {
        const text = fitLabel(b.w.title, LABEL_MAX - 2 * LABEL_PAD, measure);
        const width = measure(text) + 2 * LABEL_PAD;
        const left = Math.max(area.left, Math.min(b.left, area.right - width));
        return { text, left, right: left + width };
      });
      const rows = labelRows(labels);
      layout = bands.map((b, i) => {
        const l = labels[i] as { text: string; left: number; right: number };
        const row = rows[i] ?? 0;
        const label =
          row < MAX_ROWS
            ? {
                left: l.left,
                right: l.right,
                top: area.top + 2 + row * (LABEL_HEIGHT + 2),
                bottom: area.top + 2 + row * (LABEL_HEIGHT + 2) + LABEL_HEIGHT,
              }
            : null;
        return { w: b.w, left: b.left, right: b.right, label, text: l.text };
      });
      hits = layout.map((l) => ({
        id: l.w.id,
        band: { left: l.left, right: l.right, top: area.top, bottom: area.bottom },
        label: l.label,
      }));

      const target = token(chart, '--accent-2', '#2f5bd3');
      const guard = token(chart, '--warn', '#8a5a00');
      for (const l of layout) {
        const colour = l.w.role === 'target' ? target : guard;
        ctx.fillStyle = colour;
        ctx.globalAlpha = 0.12;
        ctx.fillRect(l.left, area.top, l.right - l.left, area.bottom - area.top);
        ctx.globalAlpha = 0.7;
        ctx.strokeStyle = colour;
        ctx.lineWidth = 1;
        ctx.setLineDash(l.w.role === 'target' ? [] : [4, 3]);
        ctx.beginPath();
        ctx.moveTo(l.left + 0.5, area.top);
        ctx.lineTo(l.left + 0.5, area.bottom);
        ctx.moveTo(l.right - 0.5, area.top);
        ctx.lineTo(l.right - 0.5, area.bottom);
        ctx.stroke();
      }
      ctx.restore();
    },

    // Labels go on top of everything, so they stay readable.
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      const panel = token(chart, '--panel', '#ffffff');
      const ink = token(chart, '--ink', '#1b1f2a');
      const target = token(chart, '--accent-2', '#2f5bd3');
      const guard = token(chart, '--warn', '#8a5a00');
      ctx.save();
      ctx.font = `600 12px ${getComputedStyle(chart.canvas).fontFamily || 'sans-serif'}`;
      ctx.textBaseline = 'middle';
      for (const l of layout) {
        if (!l.label) continue;
        const { left, top, right, bottom } = l.label;
        ctx.globalAlpha = 0.92;
        ctx.fillStyle = panel;
        ctx.beginPath();
        ctx.roundRect(left, top, right - left, bottom - top, 4);
        ctx.fill();
        ctx.globalAlpha = 1;
        ctx.strokeStyle = l.w.role === 'target' ? target : guard;
        ctx.lineWidth = 1;
        ctx.stroke();
        ctx.fillStyle = ink;
        ctx.fillText(l.text, left + LABEL_PAD, (top + bottom) / 2 + 0.5);
      }
      ctx.restore();
      source.ondrawn?.(hits);
    },

    afterEvent(chart, args) {
      const e = args.event;
      if (e.x === null || e.y === null) return;
      const id = windowAt(e.x, e.y, hits);
      if (e.type === 'mousemove') {
        chart.canvas.style.cursor = id ? 'pointer' : '';
      } else if (e.type === 'mouseout') {
        chart.canvas.style.cursor = '';
      } else if (e.type === 'click' && id) {
        source.onopen(id);
      }
    },
  };
}
