// Times the reader on a case made by long-source-case.ts (issue 15): serves the case, opens its one
// source in Chromium and reports the time to the first paint of its text, to the last long task of
// the opening, the longest task, and the time of one tag (key press to the pending highlight, and
// Ctrl+Enter to the saved highlight). Build first (npm run build).
//   node tests/support/reader-perf.ts --case DIR [--runs 3] [--tag]
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright';

const { values } = parseArgs({
  options: {
    case: { type: 'string' },
    runs: { type: 'string' },
    tag: { type: 'boolean' },
    static: { type: 'string' },
    profile: { type: 'string' },
    trace: { type: 'string' },
  },
});
if (!values.case) throw new Error('--case DIR');
const runs = Number(values.runs ?? 3);

// --static DIR: serve another build of the renderer (an unminified one, to profile), in this process.
let url: string;
let stop: () => Promise<void>;
if (values.static) {
  const { createCore } = await import('../../electron/core/index.ts');
  const { startServer } = await import('../../electron/serve.ts');
  const { tmpdir } = await import('node:os');
  const core = await createCore({ dataDir: tmpdir(), fixedCaseDir: values.case, host: 'browser' });
  const srv = await startServer({ core, staticDir: values.static });
  url = srv.url;
  stop = async () => {
    await srv.close();
    await core.close();
  };
} else {
  const server = spawn(process.execPath, ['bin/corroborate.js', 'serve', '--case', values.case, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  url = await new Promise<string>((ok, fail) => {
    let out = '';
    server.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (\S+)/.exec(out);
      if (m) ok(m[1]);
    });
    server.on('exit', (c) => fail(new Error(`server exited ${c}`)));
  });
  stop = async () => {
    server.kill('SIGTERM');
  };
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

async function settle(page: Page, quietMs = 1500, maxMs = 60_000): Promise<void> {
  // Until no long task has ended for quietMs.
  const t0 = Date.now();
  for (;;) {
    const quiet = await page.evaluate(() => performance.now() - (window as unknown as { __lastLong: number }).__lastLong);
    if (quiet > quietMs && Date.now() - t0 > quietMs) return;
    if (Date.now() - t0 > maxMs) return;
    await page.waitForTimeout(200);
  }
}

interface Run {
  firstPaint: number;
  allDrawn: number;
  settled: number;
  longest: number;
  longTotal: number;
  paragraphsInDom: number;
  tagKey?: number;
  tagSaved?: number;
  tagLongest?: number;
  reveal?: number;
}

async function once(): Promise<Run> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('crash', () => console.error('page crashed'));
  page.on('pageerror', (e) => console.error('page error', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error('console', m.text().slice(0, 500)));
  await page.addInitScript(() => {
    const w = window as unknown as { __long: { start: number; duration: number }[]; __lastLong: number };
    w.__long = [];
    w.__lastLong = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        w.__long.push({ start: e.startTime, duration: e.duration });
        w.__lastLong = Math.max(w.__lastLong, e.startTime + e.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  const open = page.getByRole('button', { name: /^Long source/ }).first();
  await open.waitFor();
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    const w = window as unknown as { __t0: number; __paint: Promise<number> };
    w.__paint = new Promise((done) => {
      const check = () => {
        if (document.querySelector('article.reading p[data-start]')) {
          obs.disconnect();
          requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0));
          return true;
        }
        return false;
      };
      const obs = new MutationObserver(check);
      obs.observe(document.body, { childList: true, subtree: true });
    });
    // the click below lands right after this
    w.__t0 = performance.now();
  });
  const cdp = values.profile ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  if (values.trace)
    await browser.startTracing(page, {
      path: values.trace,
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink.user_timing'],
    });
  await open.click();
  const paint = await page.evaluate(() => (window as unknown as { __paint: Promise<number> }).__paint);
  // Every chunk drawn (a text drawn progressively says so on its chunks' container).
  await page.waitForFunction(() => !document.querySelector('article.reading [data-drawn="part"]'), null, { timeout: 120_000, polling: 50 });
  const allDrawn = await page.evaluate(() => performance.now());
  await settle(page);
  if (values.trace) await browser.stopTracing();
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(values.profile!, JSON.stringify(profile));
  }
  const r = await page.evaluate(() => {
    const w = window as unknown as { __t0: number; __long: { start: number; duration: number }[]; __lastLong: number };
    const after = w.__long.filter((l) => l.start + l.duration >= w.__t0);
    return {
      t0: w.__t0,
      settled: Math.max(w.__lastLong - w.__t0, 0),
      longest: Math.max(0, ...after.map((l) => l.duration)),
      longTotal: after.reduce((a, l) => a + l.duration, 0),
      paragraphsInDom: document.querySelectorAll('article.reading p[data-start]').length,
    };
  });
  const run: Run = {
    firstPaint: paint - r.t0,
    allDrawn: allDrawn - r.t0,
    settled: Math.max(r.settled, paint - r.t0),
    longest: r.longest,
    longTotal: r.longTotal,
    paragraphsInDom: r.paragraphsInDom,
  };

  if (values.tag) {
    // Select some words in a paragraph on screen (through the Range API, as a drag would).
    await page.evaluate(() => {
      const art = document.querySelector('article.reading') as HTMLElement;
      const box = art.getBoundingClientRect();
      const ps = Array.from(art.querySelectorAll<HTMLElement>('p[data-start]'));
      // A paragraph on screen that starts with a dozen plain characters.
      const p = ps.find((x) => {
        const first = x.firstElementChild;
        return x.getBoundingClientRect().top > box.top + 100 && first?.tagName === 'SPAN' && !first.className && (first.textContent ?? '').length > 20;
      })!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const t = walker.nextNode() as Text;
      const range = document.createRange();
      range.setStart(t, 0);
      range.setEnd(t, Math.min(t.data.length, 12));
      art.focus({ preventScroll: true });
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await page.getByRole('toolbar', { name: 'Tag selection' }).waitFor();
    await page.waitForTimeout(500);
    const mark = () =>
      page.evaluate(() => {
        const w = window as unknown as { __t1: number; __long: unknown[]; __n: number; __seen: (sel: string) => Promise<number> };
        w.__t1 = performance.now();
        w.__n = w.__long.length;
        w.__seen = (sel: string) =>
          new Promise((done) => {
            const check = () => {
              if (document.querySelector(sel)) {
                obs.disconnect();
                requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0));
              }
            };
            const obs = new MutationObserver(check);
            obs.observe(document.body, { childList: true, subtree: true, attributes: true });
            check();
          });
      });
    const tagCdp = values.profile ? await page.context().newCDPSession(page) : null;
    if (tagCdp) {
      await tagCdp.send('Profiler.enable');
      await tagCdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await tagCdp.send('Profiler.start');
    }
    await mark();
    const seenPending = page.evaluate(() => (window as unknown as { __seen: (s: string) => Promise<number> }).__seen('article.reading .hl-pending'));
    await page.keyboard.press('c');
    const tPending = await seenPending;
    const t1 = await page.evaluate(() => (window as unknown as { __t1: number }).__t1);
    run.tagKey = tPending - t1;
    await page.getByRole('form', { name: 'Casualties claim' }).waitFor();
    await page.waitForTimeout(500);
    const before = await page.evaluate(
      () => new Set(Array.from(document.querySelectorAll('[data-annotation]')).flatMap((e) => e.getAttribute('data-annotation')!.split(' '))).size,
    );
    await mark();
    const seenSaved = page.evaluate(
      (n) =>
        new Promise<number>((done) => {
          const check = () => {
            const size = new Set(
              Array.from(document.querySelectorAll('article.reading [data-annotation]')).flatMap((e) => e.getAttribute('data-annotation')!.split(' ')),
            ).size;
            if (size > n && !document.querySelector('article.reading .hl-pending')) {
              obs.disconnect();
              requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0));
            }
          };
          const obs = new MutationObserver(check);
          obs.observe(document.body, { childList: true, subtree: true, attributes: true });
        }),
      before,
    );
    await page.keyboard.press('Control+Enter');
    const tSaved = await seenSaved;
    const t2 = await page.evaluate(() => (window as unknown as { __t1: number }).__t1);
    run.tagSaved = tSaved - t2;
    if (tagCdp) {
      const { profile } = await tagCdp.send('Profiler.stop');
      const { writeFile } = await import('node:fs/promises');
      await writeFile(`${values.profile}.tag.cpuprofile`, JSON.stringify(profile));
    }
    await settle(page, 800);
    run.tagLongest = await page.evaluate(() => {
      const w = window as unknown as { __long: { duration: number }[]; __n: number };
      return Math.max(0, ...w.__long.slice(w.__n).map((l) => l.duration));
    });
    // Leave the case as it was.
    await page.locator('article.reading').focus();
    await page.keyboard.press('Control+z');
    await page.waitForFunction(
      (n) =>
        new Set(Array.from(document.querySelectorAll('article.reading [data-annotation]')).flatMap((e) => e.getAttribute('data-annotation')!.split(' ')))
          .size <= n,
      before,
    );
  }
  await page.close();
  return run;
}

const all: Run[] = [];
for (let i = 0; i < runs; i++) all.push(await once());
const med = (k: keyof Run) => {
  const xs = all
    .map((r) => r[k])
    .filter((x): x is number => typeof x === 'number')
    .sort((a, b) => a - b);
  return xs.length ? Math.round(xs[xs.length >> 1]) : undefined;
};
console.log(
  JSON.stringify({
    case: values.case,
    runs: all.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v as number)]))),
    median: Object.fromEntries((Object.keys(all[0]) as (keyof Run)[]).map((k) => [k, med(k)])),
  }),
);
await browser.close();
await stop();
