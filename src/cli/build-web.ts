import { fileURLToPath } from "node:url";

export async function buildWeb(): Promise<void> {
  const { build } = await import("vite");
  await build({ configFile: fileURLToPath(new URL("../../web/vite.config.ts", import.meta.url)), logLevel: "warn" });
}
