import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { webBuildIsStale } from "./build-web";

describe("webBuildIsStale", () => {
  it("builds when there is no build, or a source changed after it, and not otherwise", () => {
    const root = mkdtempSync(join(tmpdir(), "lh-web-"));
    const source = join(root, "web");
    const dist = join(source, "dist");
    mkdirSync(join(source, "src", "timeline"), { recursive: true });
    const page = join(source, "src", "timeline", "entry.tsx");
    writeFileSync(page, "export {};");
    expect(webBuildIsStale(dist, source)).toBe(true);
    mkdirSync(dist);
    writeFileSync(join(dist, "index.html"), "<html></html>");
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(page, hourAgo, hourAgo);
    expect(webBuildIsStale(dist, source)).toBe(false);
    const later = new Date(Date.now() + 60_000);
    utimesSync(page, later, later);
    expect(webBuildIsStale(dist, source)).toBe(true);
  });
});
