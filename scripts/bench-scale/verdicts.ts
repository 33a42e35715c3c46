// bench-scale's verdict rows: every verdict, again after one edit, and one event's after one edit,
// each beside a bare group-by of the same claims (event × measure).
import { count, fmt } from '../bench/table.ts';
import { paired, time } from '../bench/time.ts';
import type { Ctx, GenBody } from './context.ts';

export async function verdictRows(ctx: Ctx, claims: GenBody['claims'], claim: GenBody['claims'][number], edit: () => Promise<unknown>): Promise<void> {
  const { call, caseId, n } = ctx;
  const big = n >= 20_000;
  const computeRuns = big ? 2 : n >= 5_000 ? 3 : 5;
  const eventRuns = Math.min(ctx.runs, big ? 5 : n >= 5_000 ? 7 : ctx.runs);
  const groupBy = () => {
    const byEvent = new Map<string, Map<string, number>>();
    let groups = 0;
    for (const c of claims) {
      if (c.eventId === null) continue;
      let g = byEvent.get(c.eventId);
      if (!g) byEvent.set(c.eventId, (g = new Map()));
      const m = c.measure ?? c.kind;
      const sum = g.get(m);
      if (sum === undefined) groups++;
      g.set(m, (sum ?? 0) + (c.figure?.best ?? 0));
    }
    return groups;
  };
  await ctx.measure('compute', async () => {
    const first = await time(() => call('conflicts.compute', { caseId }));
    const r = await paired(computeRuns, () => call('conflicts.compute', { caseId }), groupBy);
    return { ...r, note: `first call ${fmt(first)}; ${count(groupBy())} groups` };
  });
  await ctx.measure('computeAfterEdit', async () => {
    const ours: number[] = [];
    const ref: number[] = [];
    for (let i = 0; i < computeRuns; i++) {
      await edit();
      ours.push(await time(() => call('conflicts.compute', { caseId })));
      ref.push(await time(groupBy));
    }
    return { ours, ref };
  });
  await ctx.measure('computeEvent', async () => {
    const eventId = claim.eventId ?? ctx.index.events[0].id;
    const mine = claims.filter((c) => c.eventId === eventId);
    const eventGroupBy = () => {
      const g = new Map<string, number>();
      for (const c of mine) g.set(c.measure ?? c.kind, (g.get(c.measure ?? c.kind) ?? 0) + (c.figure?.best ?? 0));
      return g.size;
    };
    const ours: number[] = [];
    const ref: number[] = [];
    for (let i = 0; i < eventRuns; i++) {
      await edit();
      ours.push(await time(() => call('conflicts.compute', { caseId, eventId })));
      ref.push(await time(eventGroupBy));
    }
    return { ours, ref, note: `${mine.length} claims in the event; the edit before each run is not timed` };
  });
}
