// The longest main-thread task while the reader opens a long source (issue 12: "opens a 20 MB source
// without a frame over 200 ms"). Serves the case, clicks its first source, and records every long
// task (PerformanceObserver 'longtask', 50 ms and over) for --seconds after the click.
//   node tests/support/reader-frames.ts --case DIR [--seconds 20]   (build first: npm run build)
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';

const { values } = parseArgs({ options: { case: { type: 'string' }, seconds: { type: 'string' } } });
if (!values.case) throw new Error('--case DIR');
const seconds = Number(values.seconds ?? 20);
const server = spawn(process.execPath, ['bin/corroborate.js', 'serve', '--case', values.case, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
try {
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    server.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) ok(m[1]);
    });
    server.once('exit', () => fail(new Error(`serve exited: ${out}`)));
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  const open = page
    .locator('button')
    .filter({ hasText: /./ })
    .and(page.getByRole('button', { name: /source|MB|Part|Deadly/i }))
    .first();
  await open.waitFor({ timeout: 60_000 });
  await page.evaluate(() => {
    const w = window as unknown as { __tasks: number[] };
    w.__tasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__tasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
  });
  const t0 = Date.now();
  await open.click();
  await page.locator('article.reading p[data-start]').first().waitFor({ timeout: 120_000 });
  const firstText = Date.now() - t0;
  await page.waitForTimeout(seconds * 1000);
  const tasks = await page.evaluate(() => (window as unknown as { __tasks: number[] }).__tasks);
  const partial = await page.evaluate(() => document.querySelectorAll('article.reading [data-drawn="part"]').length);
  console.log(
    JSON.stringify({
      firstTextMs: firstText,
      longTasks: tasks.length,
      longestMs: Math.round(Math.max(0, ...tasks)),
      over200: tasks.filter((t) => t > 200).length,
      stillDrawing: partial > 0,
      seconds,
    }),
  );
  await browser.close();
} finally {
  server.kill();
}
