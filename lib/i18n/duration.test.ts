import { describe, expect, it } from "vitest";
import { splitDuration } from "@/lib/i18n/duration";

describe("splitDuration", () => {
  it.each([
    [0, [{ unit: "seconds", count: 0 }]],
    [59, [{ unit: "seconds", count: 59 }]],
    [86_400, [{ unit: "days", count: 1 }]],
    [
      90_061,
      [
        { unit: "days", count: 1 },
        { unit: "hours", count: 1 },
        { unit: "minutes", count: 1 },
        { unit: "seconds", count: 1 },
      ],
    ],
    [7_200, [{ unit: "hours", count: 2 }]],
    [-5, [{ unit: "seconds", count: 0 }]],
  ])("%i seconds", (seconds, parts) => {
    expect(splitDuration(seconds)).toEqual(parts);
  });
});
