import type { MatchModel } from "../../src/lib/match";

export interface LevelParameters {
  field: string;
  level: string;
  defaultM: number;
  defaultU: number;
  defaultWeight: number | null;
  estimatedM: number;
  estimatedU: number;
  estimatedWeight: number | null;
}

/** Each level's m, u and weight in the starting model beside the estimated one. */
export function compareParameters(before: MatchModel, after: MatchModel): LevelParameters[] {
  const rows: LevelParameters[] = [];
  for (const field of before.fields) {
    const fitted = after.fields.find((candidate) => candidate.field === field.field);
    for (const level of field.levels) {
      const estimated = fitted?.levels.find((candidate) => candidate.id === level.id) ?? level;
      rows.push({
        field: field.field,
        level: level.id,
        defaultM: level.m,
        defaultU: level.u,
        defaultWeight: level.isNull ? null : round(Math.log2(level.m / level.u)),
        estimatedM: estimated.m,
        estimatedU: estimated.u,
        estimatedWeight: estimated.isNull ? null : round(Math.log2(estimated.m / estimated.u)),
      });
    }
  }
  return rows;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
