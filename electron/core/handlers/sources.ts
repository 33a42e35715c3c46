// Sources: import (files and pasted text), read, correct, delete, replace with a new version, search.
import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/errors.ts';
import { extensionOf, formatBytes, MAX_IMPORT_BYTES, MAX_PASTE_CHARS } from '../../../shared/limits.ts';
import { searchDocs } from '../../../shared/text/search.ts';
import type { Source } from '../../../shared/model/source.ts';
import { newSourceId } from '../ids.ts';
import { extractFileIsolated, extractPasted, type Extracted } from '../import/index.ts';
import { sourceOf, type OpenCases } from '../session.ts';
import { sweepTrash } from '../source-commands.ts';
import { correctionCommand, sourceName } from '../source-edits.ts';
import type { CaseStore } from '../store/index.ts';
import type { HandlerGroup } from './types.ts';

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  html: 'text/html',
  htm: 'text/html',
  xhtml: 'application/xhtml+xml',
  txt: 'text/plain',
  text: 'text/plain',
  md: 'text/markdown',
};

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function refuseLarge(name: string, bytes: number): void {
  if (bytes > MAX_IMPORT_BYTES) {
    throw new ApiError(
      'TOO_LARGE',
      `${name} is ${formatBytes(bytes)}; Corroborate imports files up to ${formatBytes(MAX_IMPORT_BYTES)}. Split it or extract the part you need.`,
    );
  }
}

/** Stores an extracted document as a new source of the case, with its original bytes. */
export async function addExtracted(st: CaseStore, file: string | null, ext: string, data: Uint8Array, sha256: string, x: Extracted): Promise<Source> {
  const id = newSourceId();
  const source: Source = {
    id,
    kind: x.kind,
    file,
    sha256,
    originalExt: ext,
    bytes: data.byteLength,
    importedAt: new Date().toISOString(),
    title: x.title,
    outlet: x.outlet,
    authors: x.authors,
    published: x.published,
    url: x.url,
    language: x.language,
    direction: x.direction,
    independenceGroup: x.independenceGroup ?? x.outlet.value ?? null,
    notes: '',
    characters: x.text.length,
    pages: x.pages,
    warnings: x.warnings,
  };
  await st.addSource(source, { id, text: x.text, annotations: [], claims: [] }, data);
  return source;
}

function duplicateOf(st: CaseStore, sha256: string) {
  const existing = st.findBySha256(sha256);
  if (!existing) return null;
  const title = existing.title.value ?? existing.file ?? 'Untitled source';
  return {
    status: 'duplicate' as const,
    source: existing,
    message: `Already in this case: “${title}” (imported ${existing.importedAt.slice(0, 10)}).`,
  };
}

export function sourceHandlers(
  open: OpenCases,
): HandlerGroup<
  'sources.import' | 'sources.paste' | 'sources.get' | 'sources.update' | 'sources.delete' | 'sources.replaceText' | 'sources.original' | 'search'
> {
  return {
    'sources.import': async ({ caseId, name, data }) => {
      refuseLarge(name, data.byteLength);
      const st = await open.store(caseId);
      const sha = sha256Hex(data);
      const dup = duplicateOf(st, sha);
      if (dup) return dup;
      // Page by page (PDF), on the change feed: a window importing a 300-page report shows where it is.
      const x = await extractFileIsolated(name, data, { onProgress: (p) => open.emit({ kind: 'import', caseId, name, done: p.done, total: p.total }) });
      const ext = extensionOf(name) || (x.kind === 'pdf' ? 'pdf' : x.kind === 'html' ? 'html' : 'txt');
      return { status: 'imported' as const, source: await addExtracted(st, name, ext, data, sha, x) };
    },

    'sources.paste': async ({ caseId, text, title }) => {
      if (text.length > MAX_PASTE_CHARS) {
        throw new ApiError(
          'TOO_LARGE',
          `That is ${text.length.toLocaleString('en')} characters; paste up to ${MAX_PASTE_CHARS.toLocaleString('en')}, or save it as a file and import it.`,
        );
      }
      const st = await open.store(caseId);
      const data = new TextEncoder().encode(text);
      const sha = sha256Hex(data);
      const dup = duplicateOf(st, sha);
      if (dup) return dup;
      return { status: 'imported' as const, source: await addExtracted(st, null, 'txt', data, sha, extractPasted(text, title)) };
    },

    'sources.get': async ({ caseId, sourceId }) => {
      const st = await open.store(caseId);
      const source = sourceOf(st, sourceId);
      return { source, text: await st.readText(sourceId), pages: source.pages };
    },

    // An undoable edit (source-edits.ts): the reply is the source as corrected; the change set
    // (undo state, re-resolved relative dates) reaches the window on the change feed / claims.changes.
    'sources.update': async ({ caseId, sourceId, patch }) => {
      const st = await open.store(caseId);
      // Without waiting for the case's claims to be read: this source's are read now if they are not yet.
      const claims = await open.early(caseId);
      const before = sourceOf(st, sourceId);
      await claims.readSources([sourceId]);
      const mine = [...claims.claimsOf(sourceId)];
      const edit = correctionCommand(before, patch, mine, new Date().toISOString());
      if (edit) {
        const saved = structuredClone(before); // the command edits the record in place
        try {
          await claims.execute(edit.command, edit.label);
        } catch (e) {
          // On a full disk the source may be saved and a later write of the edit (its history) fail:
          // put the record back, so neither the disk nor memory keeps an edit reported as failed.
          if (JSON.stringify(st.source(sourceId)) !== JSON.stringify(saved))
            await st.updateIndex(() => Object.assign(sourceOf(st, sourceId), saved), { sources: [sourceId] }).catch(() => {});
          throw e;
        }
      }
      return sourceOf(st, sourceId);
    },

    // To the case's trash with its annotations and claims; Undo brings them back (source-commands.ts).
    'sources.delete': async ({ caseId, sourceId }) => {
      const st = await open.store(caseId);
      const claims = await open.claims(caseId);
      const source = sourceOf(st, sourceId);
      await claims.execute({ type: 'source.delete', payload: { id: sourceId } }, `Delete ${sourceName(source, false)}`);
      // What older deletions left that no undo reaches any more goes now.
      await claims.exclusive(() => sweepTrash(st.dir, claims.history()));
      return { deleted: true as const };
    },

    'sources.replaceText': async ({ caseId, sourceId, name, data }) => {
      refuseLarge(name, data.byteLength);
      const st = await open.store(caseId);
      const old = sourceOf(st, sourceId);
      const sha = sha256Hex(data);
      if (sha === old.sha256) throw new ApiError('ALREADY_EXISTS', 'That file is the version this source already has; nothing changed.');
      const other = st.findBySha256(sha);
      if (other) throw new ApiError('ALREADY_EXISTS', `That file is already in this case as “${other.title.value ?? other.file ?? other.id}”.`);
      const x = await extractFileIsolated(name, data);
      const claims = await open.claims(caseId);
      const { annotations, anchored, orphaned } = claims.reanchorSource(sourceId, x.text, x.pages);
      const body = await st.readBody(sourceId);
      const records = claims.bodyRecords(sourceId);
      // Records that failed their schema stay in the file as they were.
      const unreadable = records.annotations.filter((a) => !annotations.some((n) => n.id === (a as { id?: string }).id));
      const source: Source = {
        ...old,
        kind: x.kind,
        file: name,
        sha256: sha,
        originalExt: extensionOf(name) || old.originalExt,
        bytes: data.byteLength,
        characters: x.text.length,
        pages: x.pages,
        warnings: x.warnings,
        previousVersions: [
          ...(old.previousVersions ?? []),
          { sha256: old.sha256, originalExt: old.originalExt, bytes: old.bytes, replacedAt: new Date().toISOString() },
        ],
      };
      await st.replaceSource(source, { ...body, text: x.text, annotations: [...annotations, ...unreadable], claims: records.claims }, data);
      const changes = await claims.adoptSource(sourceId, annotations);
      // The history was cleared with the old text: no undo brings a trashed source back any more.
      await claims.exclusive(() => sweepTrash(st.dir, claims.history()));
      return { source, anchored, orphaned, changes };
    },

    'sources.original': async ({ caseId, sourceId }) => {
      const st = await open.store(caseId);
      const source = sourceOf(st, sourceId);
      const data = await st.readOriginal(source);
      const name = source.file ?? `${source.title.value ?? source.id}.${source.originalExt}`;
      return { name, mime: MIME[source.originalExt] ?? 'application/octet-stream', data };
    },

    search: async ({ caseId, query, limit }) => {
      const st = await open.store(caseId);
      // Over the store's cached texts: a file is read only if its text is not cached (then it is, for next time).
      const docs = [];
      for (const s of st.index.sources) {
        const text = st.cachedText(s.id) ?? (await st.readText(s.id).catch(() => null));
        if (text !== null) docs.push({ id: s.id, title: s.title.value ?? s.file ?? 'Untitled source', text });
      }
      return searchDocs(docs, query, limit ?? 200);
    },
  };
}
