// Re-import: the source's kept original read again with today's import rules. When that gives a
// different text it becomes a new version of the source as one undoable step (a batch of
// source.replace, which keeps both texts in trash/versions/ by their sha256, and records.merge for
// the annotations, re-anchored to the new text or marked orphans); Undo puts the previous text and
// anchors back. Only what the text decides changes (characters, pages, warnings, language,
// direction): the details the user checked or corrected stay as they are.
import { ApiError } from '../../../shared/errors.ts';
import type { Annotation } from '../../../shared/model/claims.ts';
import type { Command } from '../../../shared/model/commands.ts';
import type { Source } from '../../../shared/model/source.ts';
import { restorePassages } from '../import/furniture.ts';
import { extractFileIsolated, extractPasted, type Extracted } from '../import/index.ts';
import { keepVersion } from '../merge-steps.ts';
import { sourceOf, type OpenCases } from '../session.ts';
import { sourceName } from '../source-edits.ts';
import type { CaseStore } from '../store/index.ts';
import { sha256Hex } from './sources.ts';
import type { HandlerGroup } from './types.ts';

const squash = (s: string) => s.replace(/\s+/g, '');
const utf8 = (s: string) => new TextEncoder().encode(s);

async function originalOf(st: CaseStore, source: Source): Promise<Uint8Array> {
  try {
    return await st.readOriginal(source);
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 'NOT_FOUND') throw e;
    throw new ApiError(
      'NOT_FOUND',
      `The original file of ${sourceName(source, false)} is missing from this case (originals/${source.sha256}.${source.originalExt}), so it cannot be read again; nothing changed. To give the source a new text, use New version… with the file.`,
      { sourceId: source.id },
    );
  }
}

/** The original read with today's rules; an HTML page keeps the left-out passages the user had put back into the text. */
async function reextract(source: Source, data: Uint8Array, before: string): Promise<Extracted> {
  if (source.kind === 'pasted') return extractPasted(new TextDecoder().decode(data));
  const x = await extractFileIsolated(source.file ?? `${source.id}.${source.originalExt}`, data);
  const left = x.leftOut;
  if (!left?.passages.length) return x;
  const had = squash(before);
  const kept = left.passages.flatMap((p, i) => (had.includes(squash(p)) ? [i] : []));
  return kept.length ? { ...x, text: restorePassages(x.text, left, kept) } : x;
}

export function reimportHandlers(open: OpenCases): HandlerGroup<'sources.reimport'> {
  return {
    'sources.reimport': async ({ caseId, sourceId }) => {
      const st = await open.store(caseId);
      const old = sourceOf(st, sourceId);
      const data = await originalOf(st, old);
      const body = await st.readBody(sourceId);
      const x = await reextract(old, data, body.text);
      if (x.text === body.text && JSON.stringify(x.pages) === JSON.stringify(old.pages))
        return { status: 'unchanged' as const, message: `Read again with the current rules, ${sourceName(old, false)} gives the same text; nothing changed.` };

      const claims = await open.claims(caseId);
      const { annotations, anchored, orphaned } = claims.reanchorSource(sourceId, x.text, x.pages);
      const was = new Map(claims.annotationsOf(sourceId).map((a) => [a.id, a]));
      const moved = annotations.filter((a) => JSON.stringify(a) !== JSON.stringify(was.get(a.id)));
      const source: Source = {
        ...old,
        characters: x.text.length,
        pages: x.pages,
        warnings: x.warnings,
        language: x.language,
        direction: x.direction,
        reimportedAt: new Date().toISOString(),
      };
      const texts = { from: sha256Hex(utf8(body.text)), to: sha256Hex(utf8(x.text)) };
      // The new text is kept before the step runs (the step reads it from there, as an undo's redo does).
      await keepVersion(st.dir, sourceId, texts.to, x.text);
      const command: Command = {
        type: 'batch',
        payload: {
          commands: [
            { type: 'source.replace', payload: { id: sourceId, from: old, to: source, texts } },
            ...(moved.length
              ? [{ type: 'records.merge' as const, payload: { annotations: moved.map((a: Annotation) => ({ value: a, was: was.get(a.id) ?? null })) } }]
              : []),
          ],
        },
      };
      const changes = await claims.execute(command, `Re-import ${sourceName(old, false)} with the current rules`);
      return { status: 'replaced' as const, source: st.source(sourceId) ?? source, anchored, orphaned, changes };
    },
  };
}
