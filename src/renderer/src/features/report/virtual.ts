/**
 * Geometry of the virtualised report: estimated paragraph heights (CJK text sets one character
 * per em, so lines ≈ characters / characters-per-line), replaced by measured heights as
 * paragraphs render; prefix sums for offset ↔ paragraph lookups.
 */
export interface Metrics {
  fontPx: number;
  lineHeightPx: number;
  gapPx: number;
  columnPx: number;
}

export class Geometry {
  heights: Float64Array;
  measured: Uint8Array;
  offsets: Float64Array;
  constructor(readonly lengths: Int32Array, public metrics: Metrics) {
    this.heights = new Float64Array(lengths.length);
    this.measured = new Uint8Array(lengths.length);
    this.offsets = new Float64Array(lengths.length + 1);
    this.estimateAll();
  }

  get count(): number {
    return this.lengths.length;
  }

  get total(): number {
    return this.offsets[this.count];
  }

  estimate(i: number): number {
    const m = this.metrics;
    const perLine = Math.max(1, Math.floor(m.columnPx / Math.max(1, m.fontPx)));
    const lines = Math.max(1, Math.ceil((this.lengths[i] + 2) / perLine));
    return lines * m.lineHeightPx + m.gapPx;
  }

  estimateAll(): void {
    for (let i = 0; i < this.count; i++) {
      this.heights[i] = this.estimate(i);
      this.measured[i] = 0;
    }
    this.recompute();
  }

  setMetrics(m: Metrics): boolean {
    const o = this.metrics;
    if (Math.abs(o.fontPx - m.fontPx) < 0.01 && Math.abs(o.lineHeightPx - m.lineHeightPx) < 0.01 && Math.abs(o.columnPx - m.columnPx) < 0.5 && Math.abs(o.gapPx - m.gapPx) < 0.01) return false;
    this.metrics = m;
    this.estimateAll();
    return true;
  }

  recompute(): void {
    let acc = 0;
    for (let i = 0; i < this.count; i++) {
      this.offsets[i] = acc;
      acc += this.heights[i];
    }
    this.offsets[this.count] = acc;
  }

  /** Records a measured height; returns true if it changed. */
  measure(i: number, h: number): boolean {
    this.measured[i] = 1;
    if (Math.abs(this.heights[i] - h) < 0.5) return false;
    this.heights[i] = h;
    return true;
  }

  /** Index of the paragraph at pixel offset y (clamped). */
  indexAt(y: number): number {
    let lo = 0;
    let hi = this.count - 1;
    if (hi < 0) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid] <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Paragraphs to render for a viewport [top, top + height), with overscan in pixels. */
  range(top: number, height: number, overscan: number): [number, number] {
    if (this.count === 0) return [0, 0];
    const first = this.indexAt(Math.max(0, top - overscan));
    const last = this.indexAt(top + height + overscan);
    return [first, Math.min(this.count, last + 1)];
  }
}
