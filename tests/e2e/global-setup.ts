// The server serves the built UI; say so plainly when it has not been built.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.ts';

export default function globalSetup(): void {
  const index = join(repoRoot, 'dist', 'renderer', 'index.html');
  if (!existsSync(index)) {
    throw new Error(`The UI is not built (${index} is missing). Run \`npx vite build\` (or \`npm run build\`) first.`);
  }
}
