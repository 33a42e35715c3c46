// bench-scale's search rows: a warm phrase search beside indexOf over the same texts, and beside
// ripgrep over the texts as files (process start included).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { count } from '../bench/table.ts';
import { paired } from '../bench/time.ts';
import type { Ctx, GenBody } from './context.ts';

export async function searchRows(ctx: Ctx, bodies: GenBody[], phrase: string, textsDir: string): Promise<void> {
  const { call, caseId } = ctx;
  const searchRuns = ctx.n >= 20_000 ? 5 : 9;
  const texts = bodies.map((b) => b.text);
  let hitsOurs = -1;
  await ctx.measure('search', async () => {
    const first = (await call('search', { caseId, query: phrase })) as { total?: unknown };
    if (typeof first.total === 'number') hitsOurs = first.total;
    let hits = 0;
    const { ours, ref } = await paired(
      searchRuns,
      () => call('search', { caseId, query: phrase }),
      () => {
        hits = 0;
        for (const t of texts) for (let at = t.indexOf(phrase); at >= 0; at = t.indexOf(phrase, at + phrase.length)) hits++;
      },
    );
    const chars = texts.reduce((s, t) => s + t.length, 0);
    return {
      ours,
      ref,
      note: `"${phrase}": ${hitsOurs >= 0 ? count(hitsOurs) : '?'} hits (indexOf: ${count(hits)}) in ${(chars / 1e6).toFixed(1)} M characters`,
    };
  });
  await ctx.measure('searchRg', async () => {
    const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' });
    if (rg.error || rg.status !== 0) throw new Error('ripgrep (rg) is not installed; apt-get install ripgrep to add this reference');
    if (!fs.existsSync(path.join(textsDir, '.complete'))) {
      fs.rmSync(textsDir, { recursive: true, force: true });
      fs.mkdirSync(textsDir, { recursive: true });
      bodies.forEach((b) => fs.writeFileSync(path.join(textsDir, `${b.id}.txt`), b.text));
      fs.writeFileSync(path.join(textsDir, '.complete'), '');
    }
    let files = 0;
    const { ours, ref } = await paired(
      searchRuns,
      () => call('search', { caseId, query: phrase }),
      () => {
        const r = spawnSync('rg', ['-F', '-c', phrase, textsDir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        if (r.status !== 0 && r.status !== 1) throw new Error(`rg failed: ${r.stderr}`);
        files = r.stdout.split('\n').filter(Boolean).length;
      },
    );
    return { ours, ref, note: `rg -F -c over ${count(bodies.length)} text files (process start included): ${count(files)} files match` };
  });
}
