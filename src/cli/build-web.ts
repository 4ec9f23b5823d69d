import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const webDir = fileURLToPath(new URL("../../web", import.meta.url));

export async function buildWeb(): Promise<void> {
  const { build } = await import("vite");
  await build({ configFile: join(webDir, "vite.config.ts"), logLevel: "warn" });
}

/**
 * Whether the built web app is missing or older than its sources, as after an update of the
 * checkout: serving the old build would show yesterday's pages against today's API.
 */
export function webBuildIsStale(distDir: string, sourceDir = webDir): boolean {
  const built = join(distDir, "index.html");
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const newer = (path: string): boolean => {
    const stat = statSync(path);
    if (!stat.isDirectory()) return stat.mtimeMs > builtAt;
    return readdirSync(path).some((name) => newer(join(path, name)));
  };
  return ["src", "index.html", "vite.config.ts"].some((name) => {
    const path = join(sourceDir, name);
    return existsSync(path) && newer(path);
  });
}
