import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("loadConfig", () => {
  it("uses the embedded store under ./data on port 3000 when nothing is set", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATA_DIR).toBe("./data");
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("reads booleans and numbers from strings", () => {
    const config = loadConfig({ PORT: "8080", COOKIE_SECURE: "true", JOBS: "0" });
    expect(config).toMatchObject({ PORT: 8080, COOKIE_SECURE: true, JOBS: false });
  });

  it("names every variable at fault in one message", () => {
    expect(() => loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" })).toThrowError(
      ConfigError,
    );
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x" });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT:/);
      expect((error as Error).message).toMatch(/DATABASE_URL: must be a postgres/);
    }
  });

  it("takes only a time zone that exists", () => {
    expect(loadConfig({}).DEFAULT_TIME_ZONE).toBe("Europe/Stockholm");
    expect(loadConfig({ DEFAULT_TIME_ZONE: "Europe/Helsinki" }).DEFAULT_TIME_ZONE).toBe("Europe/Helsinki");
    expect(() => loadConfig({ DEFAULT_TIME_ZONE: "Europe/Lund" })).toThrowError(/DEFAULT_TIME_ZONE: must be an IANA/);
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });
});
