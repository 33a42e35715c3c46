// Builds the renderer (root renderer/) into dist/renderer. Relative base so the same build loads
// from the Electron custom protocol and from the loopback server. The UI always runs from a build:
// the loopback server checks Host, Origin and its token cookie, so for development run
// `npx vite build --watch` beside `npx corroborate serve` and reload the page.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

// Vitest also reads this file. Under Vitest keep the repository root as root, so `vitest run`
// still finds every layer's tests, not only the renderer's.
const underVitest = process.env.VITEST === 'true';

export default defineConfig({
  root: underVitest ? repoRoot : `${repoRoot}renderer`,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${repoRoot}dist/renderer`,
    emptyOutDir: true,
    // The UI runs under a strict CSP (no inline scripts); never inline assets as data: scripts.
    assetsInlineLimit: 0,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
