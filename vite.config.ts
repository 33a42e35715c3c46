// Builds the renderer (root renderer/) into dist/renderer. Relative base so the same build loads
// from the Electron custom protocol and from the loopback server. The UI always runs from a build:
// the loopback server checks Host, Origin and its token cookie, so for development run
// `npx vite build --watch` beside `npx corroborate serve` and reload the page.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

// Unit tests have their own vitest.config.ts (which Vitest prefers), so this file is only for the build.
export default defineConfig({
  root: `${repoRoot}renderer`,
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
