// Latency histogram that merges across processes: 0.1 ms buckets below 1 s, 1 ms buckets above.
const FINE_LIMIT_MS = 1000;
const FINE_BUCKETS = FINE_LIMIT_MS * 10;
const COARSE_LIMIT_MS = 120_000;

export interface HistogramData {
  /** [bucket index, count] pairs, only the non-empty buckets. */
  buckets: [number, number][];
  count: number;
  max: number;
  sum: number;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

function bucketOf(ms: number): number {
  const value = Math.max(0, ms);
  if (value < FINE_LIMIT_MS) return Math.floor(value * 10);
  return FINE_BUCKETS + Math.floor(Math.min(value, COARSE_LIMIT_MS) - FINE_LIMIT_MS);
}

/** The upper edge of a bucket, so a percentile never reads lower than what was measured. */
function bucketUpperMs(index: number): number {
  if (index < FINE_BUCKETS) return (index + 1) / 10;
  return FINE_LIMIT_MS + (index - FINE_BUCKETS) + 1;
}

export class Histogram {
  private readonly counts = new Map<number, number>();
  count = 0;
  max = 0;
  sum = 0;

  record(ms: number): void {
    const bucket = bucketOf(ms);
    this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + 1);
    this.count += 1;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
  }

  merge(data: HistogramData): void {
    for (const [bucket, count] of data.buckets)
      this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + count);
    this.count += data.count;
    this.sum += data.sum;
    this.max = Math.max(this.max, data.max);
  }

  toData(): HistogramData {
    return { buckets: [...this.counts.entries()], count: this.count, max: this.max, sum: this.sum };
  }

  percentile(fraction: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = Math.ceil(fraction * this.count);
    let seen = 0;
    for (const bucket of [...this.counts.keys()].sort((a, b) => a - b)) {
      seen += this.counts.get(bucket) ?? 0;
      if (seen >= rank) return Math.min(bucketUpperMs(bucket), this.max);
    }
    return this.max;
  }

  summary(): LatencySummary {
    return {
      count: this.count,
      p50: this.percentile(0.5),
      p95: this.percentile(0.95),
      p99: this.percentile(0.99),
      max: this.count ? this.max : Number.NaN,
      mean: this.count ? this.sum / this.count : Number.NaN,
    };
  }

  static of(values: number[]): Histogram {
    const histogram = new Histogram();
    for (const value of values) histogram.record(value);
    return histogram;
  }
}
