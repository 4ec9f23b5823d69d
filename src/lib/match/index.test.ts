import { describe, expect, it } from "vitest";
import type { MatchModel, MatchRecord, PairScore, SourcedValue, SurvivorshipRule, TermFrequencies } from "./index";
import * as match from "./index";

// The surface other code is written against: a change of name or signature fails the type check.
const api: {
  DEFAULT_MATCH_MODEL: MatchModel;
  scorePair(a: MatchRecord, b: MatchRecord, model: MatchModel, tf?: TermFrequencies): PairScore;
  blockingKeys(r: MatchRecord): string[];
  buildTermFrequencies(records: Iterable<MatchRecord>): TermFrequencies;
  termFrequenciesFromCounts(counts: {
    surname: Map<string, number>;
    givenName: Map<string, number>;
    total: number;
  }): TermFrequencies;
  estimateParameters(
    records: MatchRecord[],
    model: MatchModel,
    opts?: { seed?: number; maxIterations?: number; randomPairs?: number },
  ): MatchModel;
  dedupe(
    records: MatchRecord[],
    model: MatchModel,
    opts?: { tf?: TermFrequencies; workers?: number },
  ): Promise<{ pairs: PairScore[]; clusters: string[][] }>;
  explainPair(score: PairScore): string[];
  chooseSurvivor<T>(
    values: SourcedValue<T>[],
    rule: SurvivorshipRule,
    trust?: Record<string, number>,
  ): SourcedValue<T>[];
} = match;

describe("the match library's surface", () => {
  it("exports every verb at run time", () => {
    for (const name of Object.keys(api)) expect(match, name).toHaveProperty(name);
    expect(typeof match.MatchIndex).toBe("function");
  });

  it("keeps the default model plain JSON", () => {
    expect(JSON.parse(JSON.stringify(match.DEFAULT_MATCH_MODEL))).toEqual(match.DEFAULT_MATCH_MODEL);
  });
});
