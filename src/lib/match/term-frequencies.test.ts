import { describe, expect, it } from "vitest";
import { buildTermFrequencies } from "./build-term-frequencies";
import { termFrequenciesFromCounts, termShare } from "./term-frequencies";
import { person } from "./test-records";

describe("term frequencies", () => {
  it("counts each folded name once per record", () => {
    const tf = buildTermFrequencies([
      person({ id: "a", givenNames: ["Anna", "Anna"], surname: "Jönsson" }),
      person({ id: "b", givenNames: ["Anna"], surname: "JÖNSSON" }),
      person({ id: "c", givenNames: ["Eva"], surname: "Berg" }),
    ]);
    expect(tf.total).toBe(3);
    expect(tf.givenName.get("anna")).toBe(2);
    expect(tf.surname.get("jonsson")).toBe(2);
    expect(termShare(tf, "surname", "berg")).toBeCloseTo(1 / 3);
    expect(termShare(tf, "surname", "holm")).toBeNull();
  });

  it("folds the names of counts kept elsewhere and adds up spellings", () => {
    const tf = termFrequenciesFromCounts({
      surname: new Map([
        ["Jönsson", 3],
        ["JÖNSSON", 2],
      ]),
      givenName: new Map([["Åsa", 4]]),
      total: 100,
    });
    expect(tf.surname.get("jonsson")).toBe(5);
    expect(tf.givenName.get("asa")).toBe(4);
  });
});
