// UI benchmark (issue 15): a user's journey through the built UI in Chromium, on generated cases of
// 1,000 and 10,000 sources (scripts/gen-case.ts) beside the same journey on a 10-source case.
//
//   node scripts/bench-ui.ts [--sizes 1000,10000] [--reference 10] [--profile] [--keep]
//
// Needs the UI built (`npm run build`, or `npx vite build`: dist/renderer) and Debian's Chromium at
// /usr/bin/chromium. It does not use the e2e fixtures: it generates each case into a temporary folder
// (never the benchmark cache, which it leaves alone), starts `corroborate serve --case DIR --port 0`
// on it, and drives the page with Playwright's library API. Each case gets a fresh browser.
//
// The journey, step by step (each step's wall time, from the action to what the user waits for, and
// the longest task the page ran during it, from a buffered PerformanceObserver of 'longtask'):
//   open case    → the library's table shows its rows (the first screen)
//   filter       → typing a source's title into the library's filter shows its row
//   open source  → clicking the title shows its text in the reader
//   tag          → select a passage, press c, Ctrl+Enter: the highlight and its claim row are shown
//   undo         → Ctrl+Z: the highlight and the row are gone
// The goal (issue 15): no task over 100 ms after the first screen. Figures, not assertions.
//
// --profile records a CPU profile (Chrome DevTools Protocol, Profiler.start/stop) of each step after
// the first screen on the largest case and prints where the page's time went: the innermost app
// function (renderer/, shared/ or a library other than React) on each sample's stack, mapped to its
// source file and line through the bundle's source map, with what the time was spent on under it
// (its own code, React, layout such as getBoundingClientRect, DOM calls, GC), and the DOM's size.
// Every run also prints the slowest call to the core per step (time waiting for the server).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type CDPSession, type Locator, type Page } from '@playwright/test';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = process.execPath;
const CHROMIUM = '/usr/bin/chromium';
// As in playwright.config.ts.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const VIEWPORT = { width: 1400, height: 900 };
const STEP_TIMEOUT = 120_000;

type StepKey = 'open' | 'filter' | 'read' | 'select' | 'form' | 'save' | 'tag' | 'undo';
const STEPS: { key: StepKey; label: string }[] = [
  { key: 'open', label: 'open case → library shown' },
  { key: 'filter', label: 'filter by title → row shown' },
  { key: 'read', label: 'open source → text shown' },
  { key: 'tag', label: 'tag → highlight shown' },
  { key: 'select', label: '  select passage → toolbar' },
  { key: 'form', label: '  press c → form shown' },
  { key: 'save', label: '  Ctrl+Enter → highlight, claim' },
  { key: 'undo', label: 'undo → highlight gone' },
];
interface StepResult {
  ms: number;
  /** The longest task (ms) that started during the step, 0 when none reached 50 ms. */
  longest: number;
  /** How many long tasks (≥ 50 ms) started during the step. */
  tasks: number;
  /** The slowest call to the core (request to last byte of the reply) that ended during the step. */
  slowestCall?: { op: string; ms: number };
}
type CaseResult = {
  sources: number;
  steps: Partial<Record<StepKey, StepResult>>;
  error?: string;
  failedAt?: StepKey;
  hot?: Partial<Record<StepKey, string[]>>;
};

// ---------------------------------------------------------------- helpers

const fmt = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
const count = (n: number): string => n.toLocaleString('en-US');
const message = (e: unknown): string => {
  const m = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  return m.length > 200 ? `${m.slice(0, 200)}…` : m;
};

function parseArgs(argv: string[]) {
  const o = { sizes: [1000, 10000], reference: 10, profile: false, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sizes') o.sizes = argv[++i].split(',').map((s) => Number(s.replace(/_/g, '')));
    else if (a === '--reference') o.reference = Number(argv[++i]);
    else if (a === '--profile') o.profile = true;
    else if (a === '--keep') o.keep = true;
    else if (a === '--big') o.sizes = [...new Set([...o.sizes, 50_000])];
    else if (a === '--runs' || a === '--cache' || a === '--seed')
      i++; // bench.ts passes its own arguments on; these are the scale benchmark's
    else if (a === '--fresh') continue;
    else {
      console.error(`unknown argument ${a}\nusage: node scripts/bench-ui.ts [--sizes 1000,10000] [--reference 10] [--profile] [--keep]`);
      process.exit(2);
    }
  }
  if (o.sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(o.reference) || o.reference < 1) {
    console.error('--sizes and --reference take positive whole numbers');
    process.exit(2);
  }
  return o;
}

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${path.basename(args[0])} exited with ${code}: ${out}`))));
  });
}

/** `corroborate serve --case DIR --port 0`; resolves with its printed link once it prints one. */
function serve(dir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(node, ['bin/corroborate.js', 'serve', '--case', dir, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  // Should this script die on an error, the server goes with it.
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  child.once('exit', () => process.off('exit', orphan));
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`corroborate serve printed no link within 60 s:\n${out}`)), 60_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], child });
      }
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`corroborate serve exited (${code}) before printing its link:\n${out}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(t);
}

/**
 * The source the journey reads (the middle one of the case, so it is not on the library's first
 * screen) and a passage of it to tag: a sentence that no annotation touches, occurring once, without
 * digits (so no suggestion is likely inside it).
 */
export function pickSource(dir: string): { id: string; title: string; quote: string } {
  const index = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8')) as { sources: { id: string; title: { value: string } }[] };
  const titles = new Map<string, number>();
  for (const s of index.sources) titles.set(s.title.value, (titles.get(s.title.value) ?? 0) + 1);
  const order = index.sources.map((_, i) => i);
  const mid = Math.floor(order.length / 2);
  order.sort((a, b) => Math.abs(a - mid) - Math.abs(b - mid));
  for (const i of order) {
    const s = index.sources[i];
    if (titles.get(s.title.value) !== 1) continue;
    const body = JSON.parse(fs.readFileSync(path.join(dir, 'sources', `${s.id}.json`), 'utf8')) as {
      text: string;
      annotations: { targets: { start: number; end: number }[] }[];
    };
    const taken = body.annotations.flatMap((a) => a.targets);
    const sentence = /[A-Z][^.!?\n]{30,110}[.]/g;
    for (let m = sentence.exec(body.text); m; m = sentence.exec(body.text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (start < 200 || /\d/.test(m[0])) continue; // past the headline, byline and date
      if (taken.some((t) => t.start < end && t.end > start)) continue;
      if (body.text.indexOf(m[0]) !== start || body.text.indexOf(m[0], start + 1) >= 0) continue;
      return { id: s.id, title: s.title.value, quote: m[0] };
    }
  }
  throw new Error(`no source of ${dir} has a passage free to tag`);
}

// ---------------------------------------------------------------- in the page

/** Installed before the app's scripts: every long task, with its start on the page's clock. */
export const LONGTASK_INIT = `(() => {
  const tasks = (window.__longTasks = []);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {
    window.__longTasksError = String(e);
  }
})();`;

const now = (page: Page) => page.evaluate(() => performance.now());
/** Long tasks that started in [from, to) on the page's clock. */
async function tasksBetween(page: Page, from: number, to: number): Promise<{ longest: number; tasks: number }> {
  // A long task is reported after it ends; give the observer a frame to deliver the last one.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  return page.evaluate(
    ([a, b]) => {
      const all = ((window as unknown as { __longTasks?: { start: number; duration: number }[] }).__longTasks ?? []).filter((t) => t.start >= a && t.start < b);
      return { longest: all.reduce((m, t) => Math.max(m, t.duration), 0), tasks: all.length };
    },
    [from, to] as const,
  );
}

/** Selects the first occurrence of `quote` in the article's text through the DOM Range API, as a drag would. */
async function selectText(article: Locator, quote: string): Promise<void> {
  await article.evaluate((el, q) => {
    const nodes: { node: Text; start: number }[] = [];
    let text = '';
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n as Text, start: text.length });
      text += (n as Text).data;
    }
    const from = text.indexOf(q);
    if (from < 0) throw new Error(`“${q}” is not in the text`);
    const point = (offset: number, end: boolean): [Node, number] => {
      for (let i = nodes.length - 1; i >= 0; i--) {
        const n = nodes[i];
        if (end ? offset > n.start : offset >= n.start) return [n.node, offset - n.start];
      }
      return [nodes[0].node, 0];
    };
    const range = document.createRange();
    range.setStart(...point(from, false));
    range.setEnd(...point(from + q.length, true));
    (el as HTMLElement).focus({ preventScroll: true });
    (range.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  }, quote);
}

// ---------------------------------------------------------------- CPU profiles

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A position in a built bundle → `file:line` in the sources, and the original name there if the map has one. */
type SourceMapper = (url: string, line: number, column: number) => { loc: string; name: string | null } | null;

/** Maps a position in a built bundle to its source through the bundle's .map (VLQ mappings decoded once). */
function sourceMapper(): SourceMapper {
  const cache = new Map<string, { sources: string[]; names: string[]; lines: number[][][] } | null>();
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const load = (file: string) => {
    if (cache.has(file)) return cache.get(file)!;
    let v: { sources: string[]; names: string[]; lines: number[][][] } | null = null;
    const mapFile = path.join(root, 'dist', 'renderer', 'assets', `${file}.map`);
    if (fs.existsSync(mapFile)) {
      const map = JSON.parse(fs.readFileSync(mapFile, 'utf8')) as { sources: string[]; names: string[]; mappings: string };
      const lines: number[][][] = [];
      let src = 0,
        sl = 0,
        sc = 0,
        nm = 0;
      for (const line of map.mappings.split(';')) {
        const segs: number[][] = [];
        let col = 0;
        for (const seg of line.split(',')) {
          if (!seg) continue;
          const vals: number[] = [];
          let value = 0,
            shift = 0;
          for (const ch of seg) {
            const d = B64.indexOf(ch);
            value += (d & 31) << shift;
            if (d & 32) shift += 5;
            else {
              vals.push(value & 1 ? -(value >>> 1) : value >>> 1);
              value = 0;
              shift = 0;
            }
          }
          col += vals[0];
          if (vals.length >= 4) {
            src += vals[1];
            sl += vals[2];
            sc += vals[3];
            if (vals.length >= 5) nm += vals[4];
            segs.push([col, src, sl, sc, vals.length >= 5 ? nm : -1]);
          }
        }
        lines.push(segs);
      }
      v = { sources: map.sources, names: map.names, lines };
    }
    cache.set(file, v);
    return v;
  };
  return (url, line, column) => {
    const file = url.split('/').pop()?.split('?')[0];
    if (!file) return null;
    const m = load(file);
    const segs = m?.lines[line];
    if (!m || !segs?.length) return null;
    let best = segs[0];
    for (const s of segs) if (s[0] <= column) best = s;
    const src = m.sources[best[1]].replace(/^(\.\.\/)+/, '');
    return { loc: `${src}:${best[2] + 1}`, name: best[4] >= 0 ? m.names[best[4]] : null };
  };
}

/**
 * The hottest places of a profile, as lines to print: busy time, then the app's functions (in
 * renderer/ or shared/, or a library other than React) that the time was spent under, innermost
 * first, each with what its time went to (itself, React, layout and DOM natives, GC). Time under
 * Playwright's own injected script (its polling) is counted apart.
 */
function hottest(profile: Profile, map: SourceMapper, n = 6): string[] {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const where = (f: ProfileNode['callFrame']) => (f.url && f.url.includes('/assets/') ? (map(f.url, f.lineNumber, f.columnNumber)?.loc ?? null) : null);
  const nameOf = (f: ProfileNode['callFrame']) =>
    (f.url && f.url.includes('/assets/') ? map(f.url, f.lineNumber, f.columnNumber)?.name : null) ?? f.functionName;
  const isReact = (loc: string) => /react-dom|scheduler|\/react\//.test(loc);
  const culprit = new Map<string, { ms: number; parts: Map<string, number> }>();
  let busy = 0,
    total = 0,
    playwright = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    const leaf = byId.get(profile.samples[i])!;
    const name = leaf.callFrame.functionName;
    if (name === '(idle)' || name === '(program)' || name === '(root)') continue;
    busy += ms;
    // The leaf's kind: the app's own code, React, or a native (layout, DOM) or GC.
    const leafLoc = where(leaf.callFrame);
    const part = name === '(garbage collector)' ? 'GC' : leafLoc ? (isReact(leafLoc) ? 'React' : 'own code') : `${name || '(native)'}`;
    let key: string | null = null;
    let injected = false;
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      if (!f.url && /^(query|evaluate|_querySelector|querySelectorAll|_queryCSS)$/.test(f.functionName)) injected = true;
      const loc = where(f);
      if (loc && !isReact(loc)) {
        key = `${nameOf(f) || '(anonymous)'} ${loc}`;
        break;
      }
    }
    if (!key && injected) {
      playwright += ms;
      continue;
    }
    key ??=
      name === '(garbage collector)'
        ? '(garbage collector)'
        : leafLoc && isReact(leafLoc)
          ? 'React (render and commit)'
          : `${name || '(native)'} (no app code on the stack)`;
    const c = culprit.get(key) ?? { ms: 0, parts: new Map<string, number>() };
    c.ms += ms;
    c.parts.set(part, (c.parts.get(part) ?? 0) + ms);
    culprit.set(key, c);
  }
  return [
    `busy ${fmt(busy)} of ${fmt(total)} sampled${playwright ? `, of which ${fmt(playwright)} Playwright's polling` : ''}`,
    ...[...culprit.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, n)
      .map(([k, c]) => {
        const parts = [...c.parts.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3)
          .map(([p, ms]) => `${p} ${fmt(ms)}`)
          .join(', ');
        return `${fmt(c.ms).padStart(8)}  ${k}  (${parts})`;
      }),
  ];
}

// ---------------------------------------------------------------- the journey

/** What the journey waits for, checked in the page with plain DOM queries (installed before the app). */
const PROBES = {
  textShown: (x: { title: string; quote: string; row: string }) => !!__article(x.title)?.textContent?.includes(x.quote),
  tagged: (x: { title: string; quote: string; row: string }) =>
    !document.querySelector('form[aria-label="Casualties claim"]') && __highlighted(x.title).includes(x.quote) && __rowShown(x.row),
  untagged: (x: { title: string; quote: string; row: string }) => !!__article(x.title) && !__highlighted(x.title).includes(x.quote) && !__rowShown(x.row),
};
// The probes' helpers, as page code (they are serialised into the init script with the probes).
declare function __article(title: string): Element | null;
declare function __highlighted(title: string): string;
declare function __rowShown(row: string): boolean;
const PROBE_INIT = `(() => {
  const __article = (title) => [...document.querySelectorAll('article[aria-label]')].find((a) => a.getAttribute('aria-label') === 'Text of ' + title) ?? null;
  const __highlighted = (title) => { const a = __article(title); return a ? [...a.querySelectorAll('.hl')].map((e) => e.textContent).join('') : ''; };
  const __rowShown = (row) => [...document.querySelectorAll('aside[aria-label="Claims"] li.cs-claim')].some((li) => li.textContent.includes(row));
  window.__probe = { ${Object.entries(PROBES)
    .map(([k, f]) => `${k}: ${f.toString()}`)
    .join(', ')} };
})();`;

/**
 * Waits until `check` (run in the page, given `arg`) is true. The waits poll with plain DOM queries
 * (CSS, text), not Playwright's role selectors: those walk the accessibility of the whole DOM in the
 * page's own thread and would add long tasks of their own to what is measured.
 */
async function until<A>(page: Page, check: (arg: A) => boolean, arg: A): Promise<void> {
  await page.waitForFunction(check as (arg: unknown) => boolean, arg as unknown, { polling: 'raf', timeout: STEP_TIMEOUT });
}

async function journey(browser: Browser, url: string, pick: { title: string; quote: string }, profile: boolean, out: CaseResult): Promise<void> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  context.setDefaultTimeout(STEP_TIMEOUT);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Calls to the core (POST /api/<op>): time spent waiting for the server rather than on the page.
  let calls: { op: string; ms: number }[] = [];
  page.on('requestfinished', (r) => {
    const m = /\/api\/([^/?#]+)/.exec(r.url());
    const t = r.timing();
    if (m && t.responseEnd >= 0) calls.push({ op: decodeURIComponent(m[1]), ms: t.responseEnd });
  });
  await page.addInitScript(LONGTASK_INIT);
  let cdp: CDPSession | null = null;
  const map = profile ? sourceMapper() : null;
  if (profile) {
    cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  }
  const step = async (key: StepKey, act: () => Promise<void>) => {
    out.failedAt = key;
    const from = key === 'open' ? 0 : await now(page);
    calls = [];
    if (cdp && key !== 'open') await cdp.send('Profiler.start');
    const t0 = performance.now();
    await act();
    const ms = performance.now() - t0;
    const to = await now(page);
    if (cdp && key !== 'open') {
      const { profile: p } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      (out.hot ??= {})[key] = [
        ...hottest(p, map!),
        `DOM: ${count(await page.evaluate(() => document.getElementsByTagName('*').length))} elements after the step`,
      ];
    }
    const slowestCall = calls.reduce<{ op: string; ms: number } | undefined>((a, c) => (!a || c.ms > a.ms ? c : a), undefined);
    out.steps[key] = { ms, ...(await tasksBetween(page, from, to)), slowestCall };
    out.failedAt = undefined;
  };

  const q = { title: pick.title, quote: pick.quote, row: pick.quote.slice(0, 60) };
  type Probe = { [k in keyof typeof PROBES]: (x: typeof q) => boolean };
  // Runs in the page: the probe named by its argument.
  const probe = (x: typeof q & { name: keyof Probe }) => (window as unknown as { __probe: Probe }).__probe[x.name](x);
  await page.addInitScript(PROBE_INIT);

  try {
    await step('open', async () => {
      await page.goto(url);
      await until(page, () => !!document.querySelector('section[aria-label="Library"] table tbody tr input[type=checkbox]'), null);
    });
    // The library is short once filtered; its title button is found by role, as a user names it.
    const titleButton = page.getByRole('table', { name: /Sources in/ }).getByRole('button', { name: pick.title, exact: true });
    await step('filter', async () => {
      await page.getByLabel('Filter sources').fill(pick.title);
      await titleButton.waitFor();
    });
    await step('read', async () => {
      await titleButton.click();
      await until(page, probe, { ...q, name: 'textShown' as const });
    });
    const article = page.locator(`article[aria-label="Text of ${pick.title.replace(/"/g, '\\"')}"]`);
    const tagFrom = await now(page);
    const t0 = performance.now();
    await step('select', async () => {
      await selectText(article, pick.quote);
      await until(page, () => !!document.querySelector('[role=toolbar][aria-label="Tag selection"]'), null);
    });
    await step('form', async () => {
      await page.keyboard.press('c');
      await until(page, () => !!document.querySelector('form[aria-label="Casualties claim"]'), null);
    });
    await step('save', async () => {
      await page.keyboard.press('Control+Enter');
      await until(page, probe, { ...q, name: 'tagged' as const });
    });
    out.steps.tag = { ms: performance.now() - t0, ...(await tasksBetween(page, tagFrom, await now(page))) };
    await step('undo', async () => {
      await page.keyboard.press('Control+z');
      await until(page, probe, { ...q, name: 'untagged' as const });
    });
    if (errors.length) out.error = `the page threw: ${errors[0]}`;
  } catch (e) {
    out.error = message(e) + (errors.length ? ` (the page threw: ${errors[0]})` : '');
    const shot = path.join(os.tmpdir(), `bench-ui-${out.sources}-${out.failedAt}.png`);
    await page.screenshot({ path: shot }).then(
      () => (out.error += ` — screenshot ${shot}`),
      () => {},
    );
  } finally {
    await context.close();
  }
}

async function measure(size: number, work: string, profile: boolean, keep: boolean): Promise<CaseResult> {
  const out: CaseResult = { sources: size, steps: {} };
  const dir = path.join(work, `n${size}`);
  let server: { url: string; child: ChildProcess } | null = null;
  let browser: Browser | null = null;
  try {
    const t0 = performance.now();
    await run(node, ['scripts/gen-case.ts', '--sources', String(size), '--out', dir]);
    const pick = pickSource(dir);
    process.stdout.write(`  ${count(size)} sources: generated in ${fmt(performance.now() - t0)}; reading “${pick.title}”… `);
    server = await serve(dir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    await journey(browser, server.url, pick, profile, out);
    console.log(out.error ? `failed at ${out.failedAt}` : 'done');
  } catch (e) {
    out.error = message(e);
    console.log('failed');
  } finally {
    await browser?.close();
    if (server) await stop(server.child);
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
    console.log('  the UI is not built (dist/renderer/index.html is missing): run `npm run build` first');
    process.exitCode = 1;
    return;
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`  no Chromium at ${CHROMIUM} (apt-get install chromium): the UI benchmark is skipped`);
    return;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-bench-ui-'));
  const largest = Math.max(...opts.sizes);
  const results: CaseResult[] = [];
  try {
    for (const size of [opts.reference, ...opts.sizes]) results.push(await measure(size, work, opts.profile && size === largest, opts.keep));
  } finally {
    if (!opts.keep) fs.rmSync(work, { recursive: true, force: true });
    else console.log(`  cases kept in ${work}`);
  }

  // One table: each step's wall time and longest task per case, and the ratio to the reference.
  const [ref, ...big] = results;
  const cell = (r: CaseResult, k: StepKey) => {
    const s = r.steps[k];
    if (s) return `${fmt(s.ms)} / ${s.longest ? fmt(s.longest) : '<50 ms'}`;
    return r.failedAt === k ? 'FAILED' : '–';
  };
  const ratio = (r: CaseResult, k: StepKey) => {
    const a = r.steps[k],
      b = ref.steps[k];
    return a && b ? `×${(a.ms / b.ms).toFixed(1)}` : '';
  };
  const head = [
    'step (wall / longest task)',
    `${count(ref.sources)} sources (reference)`,
    ...big.flatMap((r) => [`${count(r.sources)} sources`, 'wall ratio']),
  ];
  const table = STEPS.map(({ key, label }) => [label, cell(ref, key), ...big.flatMap((r) => [cell(r, key), ratio(r, key)])]);
  const after = (r: CaseResult) => {
    const xs = STEPS.filter((s) => s.key !== 'open').map((s) => r.steps[s.key]);
    if (xs.some((x) => !x)) return '–';
    const longest = Math.max(...xs.map((x) => x!.longest));
    return `${longest ? fmt(longest) : '<50 ms'} ${longest > 100 ? '(over the 100 ms goal)' : '(goal met)'}`;
  };
  table.push(['longest task after the first screen', after(ref), ...big.flatMap((r) => [after(r), ''])]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (row: string[]) => '  ' + row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log('');
  console.log(line(head));
  for (const row of table) console.log(line(row));
  console.log('  (wall: from the action to what the user waits for; longest task: PerformanceObserver longtask, ≥ 50 ms, started during the step)');
  for (const r of results) {
    const slow = STEPS.filter((s) => r.steps[s.key]?.slowestCall && s.key !== 'tag').map(
      (s) => `${s.key} ${r.steps[s.key]!.slowestCall!.op} ${fmt(r.steps[s.key]!.slowestCall!.ms)}`,
    );
    if (slow.length) console.log(`  slowest call to the core per step, ${count(r.sources)} sources: ${slow.join('; ')}`);
  }
  for (const r of results)
    if (r.error) console.log(`  ${count(r.sources)} sources: ${r.failedAt ? `failed at “${STEPS.find((s) => s.key === r.failedAt)!.label}”: ` : ''}${r.error}`);
  for (const r of results) {
    if (!r.hot) continue;
    console.log(`\n  CPU profile of ${count(r.sources)} sources, per step: where the page's time went (innermost app function on the stack)`);
    for (const s of STEPS) {
      const h = r.hot[s.key];
      if (!h) continue;
      console.log(`    ${s.label}: ${h[0]}`);
      for (const l of h.slice(1)) console.log(`      ${l}`);
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
