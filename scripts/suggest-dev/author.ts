// `node scripts/suggest-dev/author.ts --answers DIR --out KEY.json AUTHORING.json...`: turns a
// fact-checker's working notes into the facts-only key. The notes (kept outside the repo) locate
// each claim by a short anchor in the text ("q", unique, with "span" the part to highlight); the
// key keeps only the offsets, the figures and the facts, never the words. Run `npx prettier --write` on the key after.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { canonicalize } from '../../shared/text/canonical.ts';
import { readAnswers, sha256, type DevDoc } from './texts.ts';

interface NoteFigure {
  f: [number | null, number | null, number | null];
  pop?: string;
  subset?: boolean;
  m?: string;
}
interface NoteClaim extends Partial<NoteFigure> {
  k: string;
  q: string;
  span?: string;
  perp?: string[];
  stance?: string;
  speaker?: string | null;
  date?: string;
  parts?: NoteFigure[];
}
interface NoteDoc extends Omit<DevDoc, 'sha256' | 'characters'> {
  claims: NoteClaim[];
}

const population = (p: string | undefined) => {
  const [a, b] = (p ?? 'unknown').split(':');
  return b === undefined ? { nationality: null, affiliation: a } : { nationality: a, affiliation: b };
};
const figure = (f: NoteFigure['f']) => ({ low: f[0], best: f[1], high: f[2] });

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { answers: { type: 'string' }, out: { type: 'string' } } });
  const answers = readAnswers(values.answers!);
  const notes = positionals.flatMap((f) => JSON.parse(readFileSync(f, 'utf8')) as NoteDoc[]);
  const documents: DevDoc[] = [];
  const claims: unknown[] = [];
  for (const n of notes) {
    const excerpt = answers.get(n.url);
    if (excerpt === undefined) throw new Error(`${n.id}: no saved answer has ${n.url}`);
    const text = canonicalize(excerpt);
    documents.push({
      id: n.id,
      incident: n.incident,
      half: n.half,
      url: n.url,
      query: n.query,
      published: n.published,
      sha256: sha256(text),
      characters: text.length,
    });
    n.claims.forEach((c, i) => {
      const q = canonicalize(c.q);
      const at = text.indexOf(q);
      if (at < 0 || text.indexOf(q, at + 1) >= 0) throw new Error(`${n.id} #${i}: anchor ${at < 0 ? 'not found' : 'not unique'}: ${c.q}`);
      const sub = c.span ? q.indexOf(canonicalize(c.span)) : 0;
      if (sub < 0) throw new Error(`${n.id} #${i}: span not inside its anchor`);
      const start = at + sub;
      const end = start + (c.span ? canonicalize(c.span).length : q.length);
      const base = { id: `${n.id}#${i + 1}`, doc: n.id, kind: c.k, at: { start, end } };
      if (c.k === 'attribution') claims.push({ ...base, perpetrators: c.perp, stance: c.stance, speaker: c.speaker ?? null });
      else if (c.k === 'timing') claims.push({ ...base, date: c.date });
      else
        claims.push({
          ...base,
          measure: c.m,
          population: population(c.pop),
          figure: figure(c.f!),
          parts: (c.parts ?? []).map((p) => ({ figure: figure(p.f), population: population(p.pop), subset: p.subset ?? false, measure: p.m ?? null })),
        });
    });
  }
  const key = {
    format: 'corroborate-suggest-dev-key/1',
    about:
      'Facts-only key of the suggester development corpus: news excerpts of incidents the rules were not written from, in the search tool pages corpus. Offsets are UTF-16 code units into the canonical text (canonicalize) of each excerpt; sha256 checks the text. No words of the articles are kept here: run scripts/suggest-dev/gather.ts to re-gather them.',
    documents,
    claims,
  };
  writeFileSync(values.out!, `${JSON.stringify(key, null, 1)}\n`);
  console.log(`${documents.length} documents, ${claims.length} claims → ${values.out}`);
}

main();
