import { defineConfig } from "vitest/config";

// The project's test run covers src/, test/ and web/; the benchmark's own generator test runs
// with `npx vitest run -c bench/dedupe/vitest.config.ts`. It needs no database.
export default defineConfig({
  test: {
    include: ["bench/dedupe/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
