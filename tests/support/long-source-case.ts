// A case with one long source (about 1 MB of text, the seed articles repeated) and, unless
// --claims 0, that many claims spread evenly over it (issue 15: the reader on a long source with
// many claims). Written through the core's API, as the app would write it: pasted up to the paste
// limit, imported as a .txt file above it (issue 12's 20 MB source: --bytes 20000000).
//   node tests/support/long-source-case.ts --case DIR [--claims 2000] [--bytes 1000000]
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { makeTarget } from '../../shared/text/anchor.ts';
import type { ImportResult } from '../../shared/api.ts';
import { blankClaim, type Claim } from '../../shared/model/claims.ts';
import type { Command } from '../../shared/model/commands.ts';
import { MAX_PASTE_CHARS } from '../../shared/limits.ts';
import { createCore } from '../../electron/core/index.ts';

const { values } = parseArgs({ options: { case: { type: 'string' }, claims: { type: 'string' }, bytes: { type: 'string' } } });
if (!values.case) throw new Error('--case DIR');
const dir = resolve(values.case);
const claimCount = Number(values.claims ?? 2000);
const bytes = Number(values.bytes ?? 1_000_000);

const seedsDir = new URL('../../../shared/corpus/seeds/', import.meta.url);
const seeds = await Promise.all(
  (await readdir(seedsDir))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFile(new URL(f, seedsDir), 'utf8')),
);
const parts: string[] = [];
let size = 0;
for (let i = 0; size < bytes; i++) {
  const s = `Part ${i + 1}.\n\n${seeds[i % seeds.length].trim()}`;
  parts.push(s);
  size += s.length + 2;
}
const pasted = parts.join('\n\n');

const core = await createCore({ dataDir: join(dir, '..', '.corroborate-data'), fixedCaseDir: dir, host: 'cli' });
try {
  const caseId = core.info.fixedCase!;
  const title = `Long source (${claimCount} claims)`;
  const r = (
    pasted.length <= MAX_PASTE_CHARS
      ? await core.call('sources.paste', { caseId, text: pasted, title })
      : await core.call('sources.import', { caseId, name: `${title}.txt`, data: new TextEncoder().encode(`${title}\n\n${pasted}`) })
  ) as ImportResult;
  const sourceId = r.source.id;
  const { text } = (await core.call('sources.get', { caseId, sourceId })) as { text: string };
  const kinds: Claim['kind'][] = ['casualties', 'munitions', 'attribution', 'timing', 'other'];
  const commands: Command[] = [];
  const at = new Date().toISOString();
  const step = Math.floor(text.length / Math.max(1, claimCount));
  for (let i = 0; i < claimCount; i++) {
    // A passage of 20-80 characters starting at a word, evenly spread.
    let s = i * step + ((i * 7919) % Math.max(1, step - 100));
    while (s < text.length && /\S/.test(text[s - 1] ?? ' ')) s++;
    const e = Math.min(text.length, s + 20 + ((i * 31) % 60));
    let target;
    try {
      target = makeTarget(text, s, e);
    } catch {
      continue;
    }
    const kind = kinds[i % kinds.length];
    const annotationId = `a_long_${i}`;
    const claim = blankClaim(kind, { id: `c_long_${i}`, sourceId, annotationId, created: at, text: target.exact });
    commands.push({
      type: 'claim.create',
      payload: { annotation: { id: annotationId, sourceId, targets: [target], kind, created: at, modified: at }, claim, at: null },
    } as Command);
  }
  if (commands.length) await core.call('claims.execute', { caseId, command: { type: 'batch', payload: { commands } }, label: 'Long source claims' });
  console.log(JSON.stringify({ dir, caseId, sourceId, characters: text.length, claims: commands.length }));
} finally {
  await core.close();
}
