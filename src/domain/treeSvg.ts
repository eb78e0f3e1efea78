/**
 * The tree diagram as a standalone SVG file for a slide: the same layout and card faces as the
 * screen, with fixed light colours (no page styles to inherit), plain <text> only (no
 * foreignObject, so the PNG export can draw it on a canvas without tainting it) and every text
 * escaped for XML.
 */
import {
  CARD_FONT,
  CARD_LAYOUT,
  CARD_LINES,
  CARD_PAD,
  KIND_BADGE,
  nameLines,
  smallLine,
  statusLine,
  trendPoints,
  type CardFace,
} from './treeCard';
import type { TrackStatus } from './pace';
import type { TreeLayout } from './treeLayout';
import type { MetricKind } from './types';

/** Escapes the five XML special characters and drops characters XML 1.0 cannot hold. */
export function xmlText(text: string): string {
  return (
    text
      // Tabs and line breaks are kept; other controls, lone surrogates, U+FFFE/FFFF are not.
      .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** Status colours, the light theme's (--ok, --warn, --danger, --muted). */
export const STATUS_COLOR: Record<TrackStatus, string> = {
  'on-track': '#1a7f37',
  'at-risk': '#8a5a00',
  'off-track': '#b3261e',
  'no-target': '#5b6475',
  'no-data': '#5b6475',
};

const KIND_STYLE: Record<
  MetricKind,
  { fill: string; stroke: string; ink: string; accent: string; dash: string }
> = {
  'north-star': { fill: '#1d2b53', stroke: '#f5c542', ink: '#ffffff', accent: '#f5c542', dash: '' },
  input: { fill: '#ffffff', stroke: '#4a6fa5', ink: '#1b1f2a', accent: '#2f5597', dash: '' },
  counter: { fill: '#fff7ed', stroke: '#b45309', ink: '#1b1f2a', accent: '#b45309', dash: '7 4' },
  omtm: { fill: '#f3efff', stroke: '#6b4fbb', ink: '#1b1f2a', accent: '#6b4fbb', dash: '' },
};

const MARGIN = 24;
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif';

function card(face: CardFace, x: number, y: number): string {
  const { nodeWidth: W, nodeHeight: H } = CARD_LAYOUT;
  const s = KIND_STYLE[face.kind];
  const onDark = face.kind === 'north-star';
  const muted = onDark ? '#dfe6ff' : '#5b6475';
  const statusColor = onDark ? '#ffffff' : STATUS_COLOR[face.status];
  const changeColor =
    face.changeGood === null ? muted : onDark ? '#ffffff' : face.changeGood ? '#1a7f37' : '#b3261e';
  const t = (
    text: string,
    ty: number,
    size: number,
    fill: string,
    extra = '',
    tx = CARD_PAD,
  ): string =>
    `<text x="${tx}" y="${ty}" font-size="${size}" fill="${fill}"${extra}>${xmlText(text)}</text>`;
  const name = nameLines(face.name)
    .map((line, i) =>
      t(
        line,
        CARD_LINES.name + i * CARD_LINES.nameLine,
        CARD_FONT.name,
        s.ink,
        ' font-weight="600"',
      ),
    )
    .join('');
  const sp = CARD_LINES.spark;
  const trend = trendPoints(face.trend, sp.width, sp.height);
  const valueWidth = Array.from(face.value).length * 10.5;
  return (
    `<g transform="translate(${x} ${y})">` +
    `<rect width="${W}" height="${H}" rx="10" fill="${s.fill}" stroke="${s.stroke}" stroke-width="${onDark ? 3 : 1.5}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>` +
    `<rect x="0" y="${CARD_LINES.value - 22}" width="5" height="50" fill="${STATUS_COLOR[face.status]}"/>` +
    `<svg width="${W}" height="${H}">` +
    t(
      KIND_BADGE[face.kind],
      CARD_LINES.badge,
      CARD_FONT.badge,
      s.accent,
      ' font-weight="700" letter-spacing="0.6"',
    ) +
    name +
    t(face.value, CARD_LINES.value, CARD_FONT.value, s.ink, ' font-weight="700"') +
    (face.change
      ? t(
          face.change,
          CARD_LINES.value,
          CARD_FONT.small,
          changeColor,
          '',
          CARD_PAD + valueWidth + 6,
        )
      : '') +
    (trend
      ? `<polyline transform="translate(${sp.x} ${sp.y})" points="${trend}" fill="none" stroke="${onDark ? '#ffffff' : '#2f5bd3'}" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/>`
      : '') +
    t(
      smallLine(statusLine(face)),
      CARD_LINES.target,
      CARD_FONT.small,
      statusColor,
      ' font-weight="600"',
    ) +
    t(
      smallLine(face.owner === '' ? 'no owner' : face.owner),
      CARD_LINES.owner,
      CARD_FONT.small,
      muted,
    ) +
    `</svg></g>`
  );
}

/** The SVG document of a laid-out tree whose cards are `faces` (cards without a face are left out). */
export function treeSvg(
  layout: TreeLayout,
  faces: ReadonlyMap<string, CardFace>,
  title: string,
): string {
  const width = Math.ceil(layout.width + 2 * MARGIN);
  const height = Math.ceil(layout.height + 2 * MARGIN);
  const edges = layout.edges.map((e) => `<path d="${e.d}"/>`).join('');
  const cards = layout.nodes
    .map((n) => {
      const face = faces.get(n.id);
      return face ? card(face, n.x, n.y) : '';
    })
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">` +
    `<title>${xmlText(title)}</title>` +
    `<rect width="100%" height="100%" fill="#f7f7fb"/>` +
    `<g transform="translate(${MARGIN} ${MARGIN})">` +
    `<g fill="none" stroke="#8b93a7" stroke-width="1.5">${edges}</g>` +
    cards +
    `</g></svg>\n`
  );
}
