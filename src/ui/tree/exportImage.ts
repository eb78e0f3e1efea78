/**
 * The tree diagram's PNG export: the SVG export (domain/treeSvg.ts, text only, no
 * foreignObject, so the canvas stays untainted) drawn on a canvas at twice its size (less when
 * that would pass the browser's canvas limit) and encoded as PNG.
 */

/** Chromium's limit per side is 32,767 px and about 268 million pixels in all; stay well below. */
const MAX_SIDE = 16_000;
const MAX_PIXELS = 100_000_000;

export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const scale = Math.min(
    2,
    MAX_SIDE / width,
    MAX_SIDE / height,
    Math.sqrt(MAX_PIXELS / (width * height)),
  );
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.floor(width * scale));
  canvas.height = Math.max(1, Math.floor(height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the picture (no canvas).');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be made.'))),
      'image/png',
    ),
  );
}
