/** A box in diagram coordinates (a laid-out card, or the whole layout at the origin). */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const MIN_ZOOM = 0.2;
const MAX_ZOOM = 3;
/** Space kept around the diagram when fitting it, in viewport pixels. */
const MARGIN = 24;

const clampZoom = (k: number): number => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));

/**
 * The pan and zoom of a diagram in a viewport: diagram point (px, py) shows at viewport pixel
 * (x + px·k, y + py·k). Bind `width` and `height` to the viewport's size and attach `attach` to
 * the element that takes wheel zoom and background drags (anything inside `.node` is not a
 * background).
 */
export class PanZoom {
  k = $state(1);
  x = $state(0);
  y = $state(0);
  /** Viewport size in pixels. */
  width = $state(0);
  height = $state(0);
  /** A background drag is under way. */
  panning = $state(false);

  /** The SVG transform that puts the diagram where the view says. */
  readonly transform = $derived(`translate(${this.x} ${this.y}) scale(${this.k})`);

  /** Zooms by `factor`, keeping the diagram point under (px, py) (viewport pixels) in place. */
  zoomAt(px: number, py: number, factor: number): void {
    const k = clampZoom(this.k * factor);
    const r = k / this.k;
    this.x = px - (px - this.x) * r;
    this.y = py - (py - this.y) * r;
    this.k = k;
  }

  /** Zooms about the viewport's centre. */
  zoomBy(factor: number): void {
    this.zoomAt(this.width / 2, this.height / 2, factor);
  }

  /** Shows a `width` × `height` diagram whole and centred, at no more than 100%. */
  fit(width: number, height: number): void {
    const { width: vw, height: vh } = this;
    if (width <= 0 || height <= 0 || vw === 0 || vh === 0) return;
    const k = clampZoom(Math.min((vw - 2 * MARGIN) / width, (vh - 2 * MARGIN) / height, 1));
    this.k = k;
    this.x = (vw - width * k) / 2;
    this.y = Math.max(MARGIN, (vh - height * k) / 2);
  }

  /** Pans (at the current zoom) to centre a box that is not wholly in view. */
  ensureVisible(box: Box): void {
    const { k, x, y, width: vw, height: vh } = this;
    if (vw === 0) return;
    const left = x + box.x * k;
    const top = y + box.y * k;
    if (left >= 0 && top >= 0 && left + box.width * k <= vw && top + box.height * k <= vh) return;
    this.x = vw / 2 - (box.x + box.width / 2) * k;
    this.y = vh / 2 - (box.y + box.height / 2) * k;
  }

  /**
   * Wheel zoom and background drag to pan, for `{@attach}`. Listeners are added by hand because
   * the wheel one must be non-passive to stop the page from scrolling.
   */
  readonly attach = (el: SVGElement): (() => void) => {
    let drag: { pointer: number; x: number; y: number } | null = null;
    const wheel = (e: WheelEvent): void => {
      e.preventDefault();
      const rect = el.getBoundingClientRect();
      const unit = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : 1;
      this.zoomAt(e.clientX - rect.left, e.clientY - rect.top, Math.exp(-e.deltaY * unit * 0.002));
    };
    const down = (e: PointerEvent): void => {
      if (e.button !== 0 || (e.target instanceof Element && e.target.closest('.node'))) return;
      drag = { pointer: e.pointerId, x: e.clientX, y: e.clientY };
      el.setPointerCapture(e.pointerId);
      this.panning = true;
    };
    const move = (e: PointerEvent): void => {
      if (drag?.pointer !== e.pointerId) return;
      this.x += e.clientX - drag.x;
      this.y += e.clientY - drag.y;
      drag.x = e.clientX;
      drag.y = e.clientY;
    };
    const up = (e: PointerEvent): void => {
      if (drag?.pointer !== e.pointerId) return;
      drag = null;
      this.panning = false;
    };
    el.addEventListener('wheel', wheel, { passive: false });
    el.addEventListener('pointerdown', down);
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
    return () => {
      el.removeEventListener('wheel', wheel);
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
    };
  };
}
