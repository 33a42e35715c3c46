// `node scripts/suggest-dev/gather.ts --answers DIR [--out DIR]`: re-gathers the development
// corpus's texts into a temporary folder (default /tmp/corroborate-suggest-dev, or
// $SUGGEST_DEV_TEXTS). The texts come from the search tool's `pages` corpus, which only the
// search tool reaches: run each query the key lists (printed below when a text is missing) with
// the search tool on corpus "pages", save its JSON answers in DIR, and run this. Each text is
// checked against the key's sha256, so offsets in the key always point at the words they name.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { canonicalize } from '../../shared/text/canonical.ts';
import { DEFAULT_TEXTS_DIR, KEY_PATH, readAnswers, sha256, type DevDoc } from './texts.ts';

function main(): number {
  const { values } = parseArgs({ options: { answers: { type: 'string' }, out: { type: 'string' } } });
  const key = JSON.parse(readFileSync(KEY_PATH, 'utf8')) as { documents: DevDoc[] };
  const out = values.out ?? DEFAULT_TEXTS_DIR;
  const answers = values.answers ? readAnswers(values.answers) : new Map<string, string>();
  mkdirSync(out, { recursive: true });
  const missing: DevDoc[] = [];
  let wrote = 0;
  for (const d of key.documents) {
    const excerpt = answers.get(d.url);
    if (excerpt === undefined) {
      missing.push(d);
      continue;
    }
    const text = canonicalize(excerpt);
    if (sha256(text) !== d.sha256) {
      console.error(`${d.id}: the stored page has changed since the key was written (sha256 differs); its offsets would be wrong, so it is left out`);
      missing.push(d);
      continue;
    }
    writeFileSync(path.join(out, `${d.id}.txt`), text);
    wrote++;
  }
  console.log(`${wrote} of ${key.documents.length} texts written to ${out}`);
  if (missing.length) {
    console.log(`\n${missing.length} missing. Run these with the search tool (corpus "pages"), save the JSON answers in --answers DIR, and run again:`);
    for (const q of new Set(missing.map((d) => d.query)))
      console.log(
        `  ${JSON.stringify(q)}  → ${missing
          .filter((d) => d.query === q)
          .map((d) => d.id)
          .join(', ')}`,
      );
  }
  return missing.length ? 1 : 0;
}

process.exitCode = main();
