import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // React, Mantine and the phone number metadata (for writing 070-123 45 67) make one ~270 kB
    // gzipped bundle, loaded once per visit; splitting it buys little.
    chunkSizeWarningLimit: 1000,
  },
  // `vite --config web/vite.config.ts` serves the app with hot reload against a running `lanthandel serve`.
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
