import { describe, expect, it } from "vitest";
import { countCell, delayCell, numberCell, shareCell, thresholdFrom } from "./cells";

describe("figures as people read them", () => {
  it("shows counts from 1 to 4 as « < 5 », never their number; zero stays zero", () => {
    expect(countCell(0, 5)).toEqual({ value: 0, text: "0" });
    for (const count of [1, 2, 3, 4]) expect(countCell(count, 5)).toEqual({ value: null, text: "< 5" });
    expect(countCell(5, 5)).toEqual({ value: 5, text: "5" });
    expect(countCell(12345, 5).text).toBe("12\u202f345");
    expect(countCell(9, 10)).toEqual({ value: null, text: "< 10" });
  });

  it("gives no share, median or delay over fewer cases than the threshold, nor a share that reveals a small count", () => {
    expect(shareCell(3, 4, 5).text).toBe("—");
    expect(shareCell(3, 40, 5).text).toBe("—");
    expect(shareCell(38, 40, 5).text).toBe("—");
    expect(shareCell(20, 40, 5)).toEqual({ value: 0.5, text: "50 %" });
    expect(shareCell(0, 40, 5)).toEqual({ value: 0, text: "0 %" });
    expect(delayCell(7200, 4, 5).text).toBe("—");
    expect(delayCell(7200, 5, 5)).toEqual({ value: 7200 / 86400, text: "2 h" });
    expect(delayCell(3 * 86400 + 43200, 9, 5).text).toBe("3,5 j");
    expect(delayCell(null, 9, 5).text).toBe("—");
    expect(numberCell(2.5, 9, 5).text).toBe("2,5");
  });

  it("reads the threshold from the environment, never below 2", () => {
    expect(thresholdFrom(undefined)).toBe(5);
    expect(thresholdFrom("10")).toBe(10);
    expect(thresholdFrom("1")).toBe(5);
    expect(thresholdFrom("abc")).toBe(5);
  });
});
