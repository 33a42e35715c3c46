// bench-scale's edit rows: a claim edit and a metadata correction, each beside a durable write of
// the bytes it wrote (read from the case's files before the reference's timer starts).
import fs from 'node:fs';
import path from 'node:path';
import { writeFileDurable } from '../../electron/core/store/durable.ts';
import { fmt } from '../bench/table.ts';
import { paired, time } from '../bench/time.ts';
import { appendDurable, type Ctx, type GenBody } from './context.ts';

/** The last line of a journal-like file, with its newline (empty when there is none). */
const lastLine = (file: string) => {
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  return Buffer.from(`${lines.at(-1) ?? ''}\n`);
};

export function claimEditor(ctx: Ctx, claim: { id: string }) {
  let edits = 0;
  return (c: { id: string } = claim) =>
    ctx.call('claims.execute', {
      caseId: ctx.caseId,
      command: { type: 'claim.update', payload: { id: c.id, set: { note: `bench edit ${++edits}`, modified: new Date().toISOString() }, unset: [] } },
      label: 'Edit claim',
    });
}

/** One claim edit vs a durable write of the same body + history bytes. */
export async function claimEditRow(ctx: Ctx, mid: GenBody, edit: () => Promise<unknown>): Promise<void> {
  await ctx.measure('edit', async () => {
    const first = await edit(); // warm-up (and the body's first backup)
    ctx.result.context.push(`claims.execute reply: ${(JSON.stringify(first).length / 1024).toFixed(1)} KB as JSON`);
    // The reference writes the bytes the last edit wrote: the source's file, and the undo history's
    // step (a line appended to history.log).
    let body = Buffer.alloc(0);
    let history = Buffer.alloc(0);
    const ours: number[] = [];
    const ref: number[] = [];
    for (let i = 0; i < ctx.runs; i++) {
      const a = () => time(() => edit());
      const b = async () => {
        body = fs.readFileSync(path.join(ctx.dir, 'sources', `${mid.id}.json`));
        history = lastLine(path.join(ctx.dir, 'history.log'));
        return time(async () => {
          await writeFileDurable(path.join(ctx.refDir, 'body.json'), body);
          await appendDurable(path.join(ctx.refDir, 'history.log'), history);
        });
      };
      if (i % 2 === 0) {
        ours.push(await a());
        ref.push(await b());
      } else {
        ref.push(await b());
        ours.push(await a());
      }
    }
    return { ours, ref, note: `body ${(body.length / 1024).toFixed(1)} KB + a history line of ${(history.length / 1024).toFixed(1)} KB at the last run` };
  });
}

/**
 * A metadata correction (an undo step since source edits are commands) vs durable appends of the
 * two lines it writes: the index journal's line and the undo history's.
 */
export async function metadataRow(ctx: Ctx, sourceId: string): Promise<void> {
  await ctx.measure('metadata', async () => {
    let k = 0;
    const update = () => ctx.call('sources.update', { caseId: ctx.caseId, sourceId, patch: { notes: `checked ${++k}` } });
    await update(); // warm-up
    const journal = lastLine(path.join(ctx.dir, 'case.journal'));
    const history = lastLine(path.join(ctx.dir, 'history.log'));
    const { ours, ref } = await paired(ctx.runs, update, async () => {
      await appendDurable(path.join(ctx.refDir, 'journal'), journal);
      await appendDurable(path.join(ctx.refDir, 'history.log'), history);
    });
    return { ours, ref, note: `index journal line ${(journal.length / 1024).toFixed(1)} KB + history line ${(history.length / 1024).toFixed(1)} KB` };
  });
}

/** The same correction right after cases.open, while the claims are still read in the background (it no longer waits for them). */
export async function earlyMetadata(ctx: Ctx, sourceId: string, run: number): Promise<{ ours: number; ref: number }> {
  const ours = await time(() => ctx.call('sources.update', { caseId: ctx.caseId, sourceId, patch: { notes: `opened ${run}` } }));
  const journal = lastLine(path.join(ctx.dir, 'case.journal'));
  const history = lastLine(path.join(ctx.dir, 'history.log'));
  const ref = await time(async () => {
    await appendDurable(path.join(ctx.refDir, 'journal'), journal);
    await appendDurable(path.join(ctx.refDir, 'history.log'), history);
  });
  if (run === 0) ctx.result.context.push(`metadata edit right after open, first run: ${fmt(ours)}`);
  return { ours, ref };
}
