import { describe, expect, it } from "vitest";
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from "./given-names";
import { NICKNAMES } from "./nicknames";

describe("NICKNAMES", () => {
  it("maps the nicknames everyone knows", () => {
    expect(NICKNAMES.kalle).toBe("Karl");
    expect(NICKNAMES.lasse).toBe("Lars");
    expect(NICKNAMES.pelle).toBe("Per");
    expect(NICKNAMES.olle).toBe("Olof");
    expect(NICKNAMES.lotta).toBe("Charlotte");
  });

  it("has lower-case keys and points only at names in the given-name lists", () => {
    const known = new Set([...FEMALE_GIVEN_NAMES, ...MALE_GIVEN_NAMES].map(([name]) => name));
    for (const [nickname, name] of Object.entries(NICKNAMES)) {
      expect(nickname).toBe(nickname.toLowerCase());
      expect(known.has(name), name).toBe(true);
    }
  });

  it("leaves out names that stand on their own", () => {
    expect(NICKNAMES.mats).toBeUndefined();
    expect(NICKNAMES.lena).toBeUndefined();
  });
});
