// The longest main-thread task while the reader opens a long source (issue 12: "opens a 20 MB source
// without a frame over 200 ms"). Serves the case, clicks its source's title in the library, and
// records every long task (PerformanceObserver 'longtask', 50 ms and over) from the click until the
// whole text is drawn and --seconds more have passed (or 120 s). scripts/bench-reader.ts runs it on
// a 1 MB and a 20 MB source in one run and prints the ratio.
//   node tests/support/reader-frames.ts --case DIR [--seconds 5] [--title 'Long source']   (build first: npm run build)
import { parseArgs } from 'node:util';
import { launch, launchChromium, stop } from './serve.ts';

export interface Frames {
  /** From the click to the first paragraph of the text in the page. */
  firstTextMs: number;
  /** From the click to the whole text drawn (null: not within 120 s). */
  allDrawnMs: number | null;
  longTasks: number;
  longestMs: number;
  over200: number;
  /** The page's JavaScript heap at the end, in MB. */
  heapMB: number;
}

export async function readerFrames(caseDir: string, opts: { seconds?: number; title?: RegExp } = {}): Promise<Frames> {
  // The link may come late on a loaded machine with a large case.
  const server = await launch(['serve', '--case', caseDir, '--port', '0'], { checkReplies: false, timeoutMs: 90_000 });
  try {
    const url = server.url;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(url);
      // The library row's title (not the Undo button, whose name says the last edit).
      const open = page
        .getByRole('table')
        .getByRole('button', { name: opts.title ?? /^Long source/ })
        .first();
      await open.waitFor({ timeout: 90_000 });
      await page.waitForTimeout(1000);
      await page.evaluate(() => {
        const w = window as unknown as { __tasks: number[] };
        w.__tasks = [];
        new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__tasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
      });
      const t0 = Date.now();
      await open.click();
      await page.locator('article.reading p[data-start]').first().waitFor({ timeout: 120_000 });
      const firstTextMs = Date.now() - t0;
      let allDrawnMs: number | null = null;
      try {
        await page.waitForFunction(() => !!document.querySelector('article.reading [data-drawn="all"]'), null, { timeout: 120_000, polling: 250 });
        allDrawnMs = Date.now() - t0;
      } catch {
        // still drawing: reported as null
      }
      await page.waitForTimeout((opts.seconds ?? 5) * 1000);
      const tasks = await page.evaluate(() => (window as unknown as { __tasks: number[] }).__tasks);
      const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
      return {
        firstTextMs,
        allDrawnMs,
        longTasks: tasks.length,
        longestMs: Math.round(Math.max(0, ...tasks)),
        over200: tasks.filter((t) => t > 200).length,
        heapMB: Math.round(heap / 1e6),
      };
    } finally {
      await browser.close();
    }
  } finally {
    await stop(server.child);
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { case: { type: 'string' }, seconds: { type: 'string' }, title: { type: 'string' } } });
  if (!values.case) throw new Error('--case DIR');
  const r = await readerFrames(values.case, { seconds: Number(values.seconds ?? 5), title: values.title ? new RegExp(values.title) : undefined });
  console.log(JSON.stringify(r));
}
