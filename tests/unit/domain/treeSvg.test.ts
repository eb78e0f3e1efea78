import { describe, expect, test } from 'vitest';
import { CARD_LAYOUT, statusLine, trendPoints, type CardFace } from '../../../src/domain/treeCard';
import { layoutTree } from '../../../src/domain/treeLayout';
import { buildTree } from '../../../src/domain/tree';
import { treeSvg, xmlText } from '../../../src/domain/treeSvg';
import { metric } from '../factories';

function face(id: string, patch: Partial<CardFace> = {}): CardFace {
  return {
    id,
    kind: 'input',
    name: id,
    owner: 'Ana',
    value: '1,200',
    change: '+100',
    changeGood: true,
    target: 'Target 1,500',
    status: 'on-track',
    statusLabel: 'On track',
    trend: [1000, 1100, 1200],
    ...patch,
  };
}

describe('trendPoints', () => {
  test('scales the values into the box with 2.5 px padding', () => {
    // 70 × 24 box: x from 2.5 to 67.5, y from 21.5 (lowest) to 2.5 (highest).
    expect(trendPoints([1, 2, 3], 70, 24)).toBe('2.5,21.5 35.0,12.0 67.5,2.5');
  });
  test('one value is a dot in the middle; a flat series a middle line; none is empty', () => {
    expect(trendPoints([5], 70, 24)).toBe('35.0,12.0 35.0,12.0');
    expect(trendPoints([5, 5], 70, 24)).toBe('2.5,12.0 67.5,12.0');
    expect(trendPoints([], 70, 24)).toBe('');
  });
});

describe('statusLine', () => {
  test('status and target, said once when they are the same words', () => {
    expect(statusLine({ statusLabel: 'On track', target: 'Target 1,500' })).toBe(
      'On track · Target 1,500',
    );
    expect(statusLine({ statusLabel: 'No target', target: 'No target' })).toBe('No target');
  });
});

describe('xmlText', () => {
  test('escapes markup and drops what XML cannot hold', () => {
    expect(xmlText(`<b>"Tom" & 'Jerry'</b>`)).toBe(
      '&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;',
    );
    expect(xmlText('a\u0000b\u0007c\ud800d')).toBe('abcd');
    expect(xmlText('Café 🚀\ttab')).toBe('Café 🚀\ttab');
  });
});

describe('treeSvg', () => {
  const tree = buildTree([
    metric('ns', { kind: 'north-star', name: 'Weekly <active> users' }),
    metric('a', { parentId: 'ns', order: 'a1' }),
    metric('b', { parentId: 'ns', order: 'a2' }),
  ]);
  const layout = layoutTree(tree.roots, new Set(), CARD_LAYOUT);
  const faces = new Map([
    ['ns', face('ns', { kind: 'north-star', name: 'Weekly <active> users', value: '12,5 %' })],
    ['a', face('a', { name: 'Teams & members' })],
    [
      'b',
      face('b', { status: 'off-track', statusLabel: 'Off track', change: '', changeGood: null }),
    ],
  ]);
  const svg = treeSvg(layout, faces, 'Acme: metric tree');

  test('holds every card with its name, value, status and target, escaped', () => {
    expect(svg).toContain('Weekly &lt;active&gt; users');
    expect(svg).toContain('Teams &amp; members');
    expect(svg).toContain('>12,5 %</text>');
    expect(svg).toContain('On track · Target 1,500');
    expect(svg).toContain('Off track · Target 1,500');
    expect(svg.match(/<g transform="translate\(/g)).toHaveLength(1 + 3); // the margin + 3 cards
    expect(svg).not.toContain('<active>');
  });

  test('is a standalone SVG of the layout size plus a 24 px margin, without foreignObject', () => {
    expect(
      svg.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"',
      ),
    ).toBe(true);
    expect(svg).toContain(`width="${Math.ceil(layout.width + 48)}"`);
    expect(svg).toContain(`height="${Math.ceil(layout.height + 48)}"`);
    expect(svg).not.toContain('foreignObject');
    expect(svg).not.toContain('var(--');
    // Two edges from the North Star to its inputs.
    expect(svg.match(/<path d=/g)).toHaveLength(2);
  });

  test('status colours: the off-track card has the danger stripe', () => {
    expect(svg).toContain('fill="#b3261e"');
    expect(svg).toContain('fill="#1a7f37"');
  });
});
