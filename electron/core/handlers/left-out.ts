// What an HTML import left out as site furniture: shown passage by passage, and put back on request.
// Both read the original again (it is kept untouched in the case), so they work for any HTML
// source, whenever it was imported. Restoring makes a new version of the text with the same
// original: every character already there stays, annotations re-anchor as for a replaced text.
import { ApiError } from '../../../shared/errors.ts';
import type { Source } from '../../../shared/model/source.ts';
import { restorePassages } from '../import/furniture.ts';
import { extractFileIsolated, type Extracted } from '../import/index.ts';
import { sourceOf, type OpenCases } from '../session.ts';
import type { CaseStore } from '../store/index.ts';
import type { HandlerGroup } from './types.ts';

const squash = (s: string) => s.replace(/\s+/g, '');

async function reextract(st: CaseStore, source: Source): Promise<{ x: Extracted; data: Uint8Array }> {
  if (source.kind !== 'html') throw new ApiError('INVALID_INPUT', 'Only HTML pages have text left out as site furniture; this source is not one.');
  const data = await st.readOriginal(source);
  const name = source.file ?? `${source.id}.${source.originalExt}`;
  return { x: await extractFileIsolated(name, data), data };
}

export function leftOutHandlers(open: OpenCases): HandlerGroup<'sources.leftOut' | 'sources.restoreLeftOut'> {
  return {
    'sources.leftOut': async ({ caseId, sourceId }) => {
      const st = await open.store(caseId);
      const source = sourceOf(st, sourceId);
      if (source.kind !== 'html') return { share: 0, passages: [] };
      const [{ x }, text] = await Promise.all([reextract(st, source), st.readText(sourceId)]);
      const kept = squash(text);
      const left = x.leftOut ?? { passages: [], after: [], share: 0 };
      return { share: left.share, passages: left.passages.map((p) => ({ text: p, restored: kept.includes(squash(p)) })) };
    },

    'sources.restoreLeftOut': async ({ caseId, sourceId, passages }) => {
      const st = await open.store(caseId);
      const old = sourceOf(st, sourceId);
      const { x, data } = await reextract(st, old);
      const left = x.leftOut ?? { passages: [], after: [], share: 0 };
      const body = await st.readBody(sourceId);
      const kept = squash(body.text);
      const chosen = passages.filter((i) => i < left.passages.length && !kept.includes(squash(left.passages[i])));
      if (!chosen.length) throw new ApiError('INVALID_INPUT', 'Those passages are already in the text (or no longer left out); nothing changed.');
      const text = restorePassages(body.text, left, chosen);
      const claims = await open.claims(caseId);
      const { annotations, anchored, orphaned } = claims.reanchorSource(sourceId, text, null);
      const records = claims.bodyRecords(sourceId);
      const unreadable = records.annotations.filter((a) => !annotations.some((n) => n.id === (a as { id?: string }).id));
      const source: Source = { ...old, characters: text.length };
      await st.replaceSource(source, { ...body, text, annotations: [...annotations, ...unreadable], claims: records.claims }, data);
      const changes = await claims.adoptSource(sourceId, annotations);
      return { source, restored: chosen.length, anchored, orphaned, changes };
    },
  };
}
