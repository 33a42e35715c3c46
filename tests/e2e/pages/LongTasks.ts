// The page's long tasks (PerformanceObserver 'longtask', buffered), recorded from before the app's
// first script: install() before the page is opened, mark() where a measured stretch begins, then
// since(mark) gives the longest task (and how many) that started after it. Information for the
// benchmark, never a test's pass or fail: timings on a shared machine vary.
import type { Page } from '@playwright/test';

export interface LongTaskSummary {
  /** The longest task in ms (0 when no task reached 50 ms). */
  longest: number;
  /** How many tasks of 50 ms or more. */
  count: number;
  /** Set when the browser has no 'longtask' entries to observe. */
  unsupported?: string;
}

type Recorded = { __longTasks?: { start: number; duration: number }[]; __longTasksError?: string };

export class LongTasks {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  /** Starts recording in every document the page opens from now on (call before goto). */
  async install(): Promise<void> {
    await this.page.addInitScript(() => {
      const w = window as unknown as Recorded;
      const tasks: { start: number; duration: number }[] = (w.__longTasks = []);
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
        }).observe({ type: 'longtask', buffered: true });
      } catch (e) {
        w.__longTasksError = String(e);
      }
    });
  }

  /** Now, on the page's clock (performance.now()). */
  async mark(): Promise<number> {
    return this.page.evaluate(() => performance.now());
  }

  /** The long tasks that started at or after `from` (a mark), once the last one has been reported. */
  async since(from: number): Promise<LongTaskSummary> {
    // An entry is queued when its task ends; a frame and a turn later it has been delivered.
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    return this.page.evaluate((t) => {
      const w = window as unknown as Recorded;
      const all = (w.__longTasks ?? []).filter((x) => x.start >= t);
      return {
        longest: all.reduce((m, x) => Math.max(m, x.duration), 0),
        count: all.length,
        ...(w.__longTasksError ? { unsupported: w.__longTasksError } : {}),
      };
    }, from);
  }
}
