// bench-ui's journey: the steps driven in the page with Playwright (open, filter, read, tag, undo), each timed with its long tasks.
import os from 'node:os';
import path from 'node:path';
import type { Browser, CDPSession, Locator, Page } from '@playwright/test';
import { count, message } from './format.ts';
import { hottest, sourceMapper, type Profile } from './profile.ts';
import { COMPARE_STEPS, compareJourney, type CompareStep } from './compare.ts';

export const VIEWPORT = { width: 1400, height: 900 };
export const STEP_TIMEOUT = 120_000;

export type StepKey = 'open' | 'filter' | 'read' | 'select' | 'form' | 'save' | 'tag' | 'undo' | CompareStep;
export const STEPS: { key: StepKey; label: string }[] = [
  { key: 'open', label: 'open case → library shown' },
  { key: 'filter', label: 'filter by title → row shown' },
  { key: 'read', label: 'open source → text shown' },
  { key: 'tag', label: 'tag → highlight shown' },
  { key: 'select', label: '  select passage → toolbar' },
  { key: 'form', label: '  press c → form shown' },
  { key: 'save', label: '  Ctrl+Enter → highlight, claim' },
  { key: 'undo', label: 'undo → highlight gone' },
  ...COMPARE_STEPS,
];
export interface StepResult {
  ms: number;
  /** The longest task (ms) that started during the step, 0 when none reached 50 ms. */
  longest: number;
  /** How many long tasks (≥ 50 ms) started during the step. */
  tasks: number;
  /** The slowest call to the core (request to last byte of the reply) that ended during the step. */
  slowestCall?: { op: string; ms: number };
  /** The bytes of every reply from the core that ended during the step. */
  replyBytes?: number;
}
export type CaseResult = {
  sources: number;
  steps: Partial<Record<StepKey, StepResult>>;
  error?: string;
  failedAt?: StepKey;
  hot?: Partial<Record<StepKey, string[]>>;
};

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

export const now = (page: Page) => page.evaluate(() => performance.now());
/** Long tasks that started in [from, to) on the page's clock. */
export async function tasksBetween(page: Page, from: number, to: number): Promise<{ longest: number; tasks: number }> {
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
export async function selectText(article: Locator, quote: string): Promise<void> {
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

// ---------------------------------------------------------------- the journey

/** What the journey waits for, checked in the page with plain DOM queries (installed before the app). */
export const PROBES = {
  textShown: (x: { title: string; quote: string; row: string }) => !!__article(x.title)?.textContent?.includes(x.quote),
  tagged: (x: { title: string; quote: string; row: string }) =>
    !document.querySelector('form[aria-label="Casualties claim"]') && __highlighted(x.title).includes(x.quote) && __rowShown(x.row),
  untagged: (x: { title: string; quote: string; row: string }) => !!__article(x.title) && !__highlighted(x.title).includes(x.quote) && !__rowShown(x.row),
};
// The probes' helpers, as page code (they are serialised into the init script with the probes).
declare function __article(title: string): Element | null;
declare function __highlighted(title: string): string;
declare function __rowShown(row: string): boolean;
export const PROBE_INIT = `(() => {
  const __article = (title) => [...document.querySelectorAll('article[aria-label]')].find((a) => a.getAttribute('aria-label') === 'Text of ' + title) ?? null;
  const __highlighted = (title) => { const a = __article(title); return a ? [...a.querySelectorAll('.hl')].map((e) => e.textContent).join('') : ''; };
  const __rowShown = (row) => [...document.querySelectorAll('[aria-label="Claims"] li.cs-claim')].some((li) => li.textContent.includes(row));
  window.__probe = { ${Object.entries(PROBES)
    .map(([k, f]) => `${k}: ${f.toString()}`)
    .join(', ')} };
})();`;

/**
 * Waits until `check` (run in the page, given `arg`) is true. The waits poll with plain DOM queries
 * (CSS, text), not Playwright's role selectors: those walk the accessibility of the whole DOM in the
 * page's own thread and would add long tasks of their own to what is measured.
 */
export async function until<A>(page: Page, check: (arg: A) => boolean, arg: A): Promise<void> {
  await page.waitForFunction(check as (arg: unknown) => boolean, arg as unknown, { polling: 'raf', timeout: STEP_TIMEOUT });
}

export async function journey(browser: Browser, url: string, pick: { title: string; quote: string }, profile: boolean, out: CaseResult): Promise<void> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  context.setDefaultTimeout(STEP_TIMEOUT);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Calls to the core (POST /api/<op>): time spent waiting for the server rather than on the page.
  let calls: { op: string; ms: number; bytes: Promise<number> }[] = [];
  page.on('requestfinished', (r) => {
    const m = /\/api\/([^/?#]+)/.exec(r.url());
    const t = r.timing();
    const bytes = r.sizes().then(
      (s) => s.responseBodySize,
      () => 0,
    );
    if (m && t.responseEnd >= 0) calls.push({ op: decodeURIComponent(m[1]), ms: t.responseEnd, bytes });
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
    const slowest = calls.reduce<{ op: string; ms: number } | undefined>((a, c) => (!a || c.ms > a.ms ? c : a), undefined);
    const slowestCall = slowest && { op: slowest.op, ms: slowest.ms };
    const replyBytes = (await Promise.all(calls.map((c) => c.bytes))).reduce((a, b) => a + b, 0);
    out.steps[key] = { ms, ...(await tasksBetween(page, from, to)), slowestCall, replyBytes };
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
    await compareJourney(page, step);
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
