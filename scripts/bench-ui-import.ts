// The UI's folder import (issue 12: "folder import of 5,000 small text files at least 50 files per
// second"): N small text files chosen through the library's file input in Chromium, timed from the
// choice to the import summary, beside `corroborate import` of the same files measured in the same
// run. Figures, not assertions. Needs the UI built (`npm run build` or `npx vite build`).
//   node scripts/bench-ui-import.ts [--files 1000]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launch, launchChromium, stop } from '../tests/support/serve.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { files: { type: 'string' } } });
const n = Number(values.files ?? 1000);
process.chdir(root);
if (!fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
  console.log('  the UI is not built (dist/renderer/index.html is missing): run `npm run build` first');
  process.exit(1);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-bench-ui-import-'));
try {
  // Made up for the benchmark: short distinct reports, so none is a duplicate of another.
  const folder = path.join(work, 'files');
  fs.mkdirSync(folder);
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const f = path.join(folder, `report-${String(i).padStart(5, '0')}.txt`);
    fs.writeFileSync(f, `Report ${i} from the desk\n\nA shelling on day ${i % 28} damaged ${i % 17} houses in district ${i}, officials said.\n`);
    files.push(f);
  }

  const t0 = performance.now();
  execFileSync(process.execPath, ['bin/corroborate.js', 'import', folder, '--case', path.join(work, 'cli-case'), '--json'], { stdio: 'ignore' });
  const cliRate = n / ((performance.now() - t0) / 1000);

  const server = await launch(['serve', '--case', path.join(work, 'ui-case'), '--port', '0'], { checkReplies: false, timeoutMs: 90_000 });
  let uiRate = 0;
  try {
    const url = server.url;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(url);
      const input = page.getByLabel('Import files');
      await input.waitFor({ state: 'attached', timeout: 60_000 });
      const t1 = performance.now();
      await input.setInputFiles(files);
      await page.getByRole('heading', { name: /^Import finished/ }).waitFor({ timeout: 600_000 });
      uiRate = n / ((performance.now() - t1) / 1000);
    } finally {
      await browser.close();
    }
  } finally {
    await stop(server.child);
  }
  console.log(
    `  ${n} small text files: the UI ${uiRate.toFixed(0)} files/s (goal at least 50), corroborate import ${cliRate.toFixed(0)} files/s (×${(uiRate / cliRate).toFixed(2)})`,
  );
  console.log(`  (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
