import { describe, expect, it } from "vitest";
import { parseLmnJson, lmnJsonSteps } from "./lmn";
import { runPaced, runSteps, type ParseProgress } from "./steps";

const places = (count: number) =>
  JSON.stringify(Array.from({ length: count }, (_, index) => ({ id: `lieu-${index}`, nom: `Lieu ${index}`, commune: "Reims", code_postal: "51100", adresse: `${index} rue de Reims` })));

describe("parsing as steps", () => {
  it("paced, reports the progress once every 250 rows (from 0), and gives the same result as straight through", async () => {
    const input = places(600);
    const seen: ParseProgress[] = [];
    const paced = await runPaced(lmnJsonSteps(input), async (progress) => {
      seen.push(progress);
    });
    expect(seen).toEqual([
      { done: 0, total: 600 },
      { done: 250, total: 600 },
      { done: 500, total: 600 },
    ]);
    expect(paced).toEqual(parseLmnJson(input));
    expect(runSteps(lmnJsonSteps(input)).rows).toHaveLength(600);
  });

  it("a pace that throws stops the parse there (an abandoned job stops reading)", async () => {
    let calls = 0;
    const stopped = runPaced(lmnJsonSteps(places(600)), async ({ done }) => {
      calls += 1;
      if (done === 250) throw new Error("abandonné");
    });
    await expect(stopped).rejects.toThrow("abandonné");
    expect(calls).toBe(2);
  });
});
