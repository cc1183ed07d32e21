/**
 * Delays as histograms, so that monthly summaries add up (a median of medians would not): the
 * same buckets as the database's `toile_delay_bucket` (migration indicator_summaries) — an hour
 * wide up to two days, twelve hours up to fourteen days, a day up to ninety days, then one bucket
 * for everything longer. A percentile is read within its bucket, linearly: exact to the hour for
 * the first two days, to half a day up to two weeks.
 */
const HOUR = 3600;
const DAY = 24 * HOUR;

/** Each bucket's lower bound, in seconds; the last one has no upper bound. */
export const BUCKET_STARTS: number[] = [
  ...Array.from({ length: 48 }, (_, index) => index * HOUR),
  ...Array.from({ length: 24 }, (_, index) => 2 * DAY + index * 12 * HOUR),
  ...Array.from({ length: 76 }, (_, index) => 14 * DAY + index * DAY),
  90 * DAY,
];

/** What `toile_delay_bucket` gives, for tests and for anything computed outside the database. */
export function delayBucket(seconds: number): number {
  if (seconds < 2 * DAY) return Math.floor(Math.max(seconds, 0) / HOUR);
  if (seconds < 14 * DAY) return 48 + Math.floor((seconds - 2 * DAY) / (12 * HOUR));
  if (seconds < 90 * DAY) return 72 + Math.floor((seconds - 14 * DAY) / DAY);
  return 148;
}

export function histogramCount(histogram: readonly number[]): number {
  return histogram.reduce((sum, count) => sum + count, 0);
}

/**
 * The p-th percentile (0–1) in seconds, interpolated within its bucket (the last bucket's values
 * all read as its lower bound: ninety days or more); null when the histogram is empty.
 */
export function histogramPercentile(histogram: readonly number[], p: number): number | null {
  const total = histogramCount(histogram);
  if (total === 0) return null;
  const rank = p * total;
  let below = 0;
  for (const [bucket, count] of histogram.entries()) {
    if (count > 0 && below + count >= rank) {
      const start = BUCKET_STARTS[bucket]!;
      const end = BUCKET_STARTS[bucket + 1];
      if (end === undefined) return start;
      return start + ((end - start) * Math.max(rank - below, 0)) / count;
    }
    below += count;
  }
  return BUCKET_STARTS.at(-1)!;
}
