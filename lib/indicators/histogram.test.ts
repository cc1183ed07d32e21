import { describe, expect, it } from "vitest";
import { BUCKET_STARTS, delayBucket, histogramPercentile } from "./histogram";

const HOUR = 3600;
const DAY = 24 * HOUR;

describe("delays as histograms", () => {
  it("puts a delay in the bucket whose range holds it", () => {
    expect(BUCKET_STARTS).toHaveLength(149);
    for (const seconds of [0, 59, HOUR, 47 * HOUR + 1, 2 * DAY, 3 * DAY + 5, 14 * DAY, 30 * DAY, 89 * DAY, 90 * DAY, 400 * DAY]) {
      const bucket = delayBucket(seconds);
      expect(BUCKET_STARTS[bucket]).toBeLessThanOrEqual(seconds);
      if (bucket < 148) expect(BUCKET_STARTS[bucket + 1]).toBeGreaterThan(seconds);
    }
    expect(delayBucket(-10)).toBe(0);
  });

  it("reads a percentile within its bucket", () => {
    const histogram = Array.from({ length: 149 }, () => 0);
    expect(histogramPercentile(histogram, 0.5)).toBeNull();
    // Ten values in [2 h, 3 h): the median is halfway through the bucket.
    histogram[2] = 10;
    expect(histogramPercentile(histogram, 0.5)).toBe(2.5 * HOUR);
    // And ten more in [1 day, 1 day + 1 h): the median is the end of the first bucket.
    histogram[24] = 10;
    expect(histogramPercentile(histogram, 0.5)).toBe(3 * HOUR);
    expect(histogramPercentile(histogram, 0.9)).toBe(24 * HOUR + 0.8 * HOUR);
    const late = Array.from({ length: 149 }, (_, index) => (index === 148 ? 3 : 0));
    expect(histogramPercentile(late, 0.5)).toBe(90 * DAY);
  });
});
