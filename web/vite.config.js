// Builds the dashboard into the Python package (src/tacitus/web/static), served by FastAPI at "/".
// The build must be reproducible: CI rebuilds it and fails when the result differs from the committed one.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL("../src/tacitus/web/static", import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
});
