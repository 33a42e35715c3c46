// Builds the core for a host: where cases live, which stores are open, and the handler for every
// operation of the contract. Hosts call `core.call` / `core.reply`; nothing else is exported to them.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AppInfo, Handlers } from '../../shared/api.ts';
import { CASE_FORMAT_VERSION, type CaseIndex, type CaseSummary } from '../../shared/case.ts';
import { ApiError } from '../../shared/errors.ts';
import { extensionOf, formatBytes, MAX_IMPORT_BYTES, MAX_PASTE_CHARS } from '../../shared/limits.ts';
import { searchDocs } from '../../shared/search.ts';
import type { Source, SourcePatch } from '../../shared/source.ts';
import { dataDirLocator, fixedCaseLocator, type CaseLocator } from './cases.ts';
import { makeCore, type Core } from './core.ts';
import { caseIdFromName, newSourceId } from './ids.ts';
import { extractFileIsolated, extractPasted, type Extracted } from './import/index.ts';
import { SAMPLE_CASE_ID, SAMPLE_CASE_NAME, SAMPLE_REPORTS } from './sample.ts';
import { CaseStore, listCaseBackups, readCaseSummary, restoreBackup } from './store/index.ts';
import { CaseClaims } from './claims.ts';
import { openSuggestions, SuggestionCache } from './suggestions.ts';
import { SUGGEST_RULES_VERSION } from '../../shared/suggest.ts';
import { computeAll } from '../../shared/conflicts.ts';
import { gradeAll } from '../../shared/grade.ts';
import { exportCase, importAsNewCase, mergeIntoCase, readBundle, verifyBundle } from './bundle/index.ts';

export type { Core } from './core.ts';

export interface CoreOptions {
  dataDir: string;
  /** Serve exactly this case folder (created on first use) instead of the data directory's cases. */
  fixedCaseDir?: string;
  host: AppInfo['host'];
}

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  html: 'text/html',
  htm: 'text/html',
  xhtml: 'application/xhtml+xml',
  txt: 'text/plain',
  text: 'text/plain',
  md: 'text/markdown',
};

export async function createCore(opts: CoreOptions): Promise<Core> {
  const dataDir = resolve(opts.dataDir);
  const locator: CaseLocator = opts.fixedCaseDir ? fixedCaseLocator(opts.fixedCaseDir) : dataDirLocator(dataDir);
  const version = await appVersion();
  const info: AppInfo = { version, host: opts.host, dataDir, fixedCase: locator.fixedId };

  // One open store per case; kept open (and locked) until the core closes or the case is deleted.
  const stores = new Map<string, Promise<CaseStore>>();

  function store(caseId: string): Promise<CaseStore> {
    let s = stores.get(caseId);
    if (!s) {
      const dir = locator.dirOf(caseId);
      s = CaseStore.open(dir).catch(async (e: unknown) => {
        stores.delete(caseId);
        // A fixed case folder that has no case yet becomes one on first use.
        if (locator.fixedId && e instanceof ApiError && e.code === 'NOT_FOUND') {
          const created = CaseStore.create(dir, { id: caseId, name: caseId });
          stores.set(caseId, created);
          return created;
        }
        throw e;
      });
      stores.set(caseId, s);
    }
    return s;
  }

  const suggestionCache = new SuggestionCache();

  // The tagged claims of each open case, loaded on first use.
  const claimSets = new Map<string, Promise<CaseClaims>>();

  function claimsOf(caseId: string): Promise<CaseClaims> {
    let c = claimSets.get(caseId);
    if (!c) {
      c = store(caseId).then((st) => CaseClaims.load(st));
      c.catch(() => claimSets.delete(caseId));
      claimSets.set(caseId, c);
    }
    return c;
  }

  async function closeStore(caseId: string): Promise<void> {
    const s = stores.get(caseId);
    stores.delete(caseId);
    claimSets.delete(caseId);
    if (s) await s.then((st) => st.close(), () => undefined);
  }

  function summaryOf(st: CaseStore): CaseSummary {
    const ix = st.index;
    return { id: ix.id, name: ix.name, dir: st.dir, sources: ix.sources.length, modified: ix.modified, problem: null };
  }

  const openView = (st: CaseStore) => ({
    id: st.index.id,
    name: st.index.name,
    dir: st.dir,
    sources: [...st.index.sources],
    warnings: [...st.warnings],
  });

  async function createCase(caseId: string, name: string): Promise<CaseStore> {
    const dir = locator.newCaseDir(caseId);
    const st = await CaseStore.create(dir, { id: caseId, name });
    stores.set(caseId, Promise.resolve(st));
    return st;
  }

  async function addExtracted(
    st: CaseStore,
    file: string | null,
    ext: string,
    data: Uint8Array,
    sha256: string,
    x: Extracted,
  ): Promise<Source> {
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

  const handlers: Handlers = {
    'app.info': async () => info,

    'cases.list': async () => {
      const ids = await locator.listIds();
      return Promise.all(
        ids.map(async (id) => {
          const open = stores.get(id);
          if (open) {
            const st = await open.catch(() => null);
            if (st) return summaryOf(st);
          }
          return readCaseSummary(locator.dirOf(id), id);
        }),
      );
    },

    'cases.create': async ({ name }) => summaryOf(await createCase(caseIdFromName(name), name)),

    'cases.createSample': async () => {
      const existing = (await locator.listIds()).includes(SAMPLE_CASE_ID);
      if (existing) return summaryOf(await store(SAMPLE_CASE_ID));
      const st = await createCase(SAMPLE_CASE_ID, SAMPLE_CASE_NAME);
      for (const r of SAMPLE_REPORTS) {
        const data = new TextEncoder().encode(r.text);
        const x = await extractFileIsolated(r.file, data);
        await addExtracted(st, r.file, 'txt', data, sha256Hex(data), x);
      }
      return summaryOf(st);
    },

    'cases.open': async ({ caseId }) => openView(await store(caseId)),

    'cases.rename': async ({ caseId, name }) => {
      const st = await store(caseId);
      await st.updateIndex((d) => {
        d.name = name;
      });
      return summaryOf(st);
    },

    'cases.delete': async ({ caseId }) => {
      locator.dirOf(caseId);
      if (locator.fixedId) await locator.trash(caseId); // refuses, before the open case is closed
      await closeStore(caseId);
      await locator.trash(caseId);
      return { deleted: true as const };
    },

    // Needs no lock and no readable index: this is what a user reaches for when the case won't open.
    'cases.backups': async ({ caseId }) => listCaseBackups(locator.dirOf(caseId)),

    'cases.restoreBackup': async ({ caseId, backup }) => {
      await closeStore(caseId);
      await restoreBackup(locator.dirOf(caseId), backup);
      return openView(await store(caseId));
    },

    'sources.import': async ({ caseId, name, data }) => {
      if (data.byteLength > MAX_IMPORT_BYTES) {
        throw new ApiError(
          'TOO_LARGE',
          `${name} is ${formatBytes(data.byteLength)}; Corroborate imports files up to ${formatBytes(MAX_IMPORT_BYTES)}. Split it or extract the part you need.`,
        );
      }
      const st = await store(caseId);
      const sha = sha256Hex(data);
      const dup = duplicateOf(st, sha);
      if (dup) return dup;
      const x = await extractFileIsolated(name, data);
      const ext = extensionOf(name) || (x.kind === 'pdf' ? 'pdf' : x.kind === 'html' ? 'html' : 'txt');
      return { status: 'imported' as const, source: await addExtracted(st, name, ext, data, sha, x) };
    },

    'sources.paste': async ({ caseId, text, title }) => {
      if (text.length > MAX_PASTE_CHARS) {
        throw new ApiError('TOO_LARGE', `That is ${text.length.toLocaleString('en')} characters; paste up to ${MAX_PASTE_CHARS.toLocaleString('en')}, or save it as a file and import it.`);
      }
      const st = await store(caseId);
      const data = new TextEncoder().encode(text);
      const sha = sha256Hex(data);
      const dup = duplicateOf(st, sha);
      if (dup) return dup;
      const x = extractPasted(text, title);
      return { status: 'imported' as const, source: await addExtracted(st, null, 'txt', data, sha, x) };
    },

    'sources.get': async ({ caseId, sourceId }) => {
      const st = await store(caseId);
      const source = sourceOf(st.index, sourceId);
      const body = await st.readBody(sourceId);
      return { source, text: body.text, pages: source.pages };
    },

    'sources.update': async ({ caseId, sourceId, patch }) => {
      const st = await store(caseId);
      sourceOf(st.index, sourceId);
      const before = sourceOf(st.index, sourceId).published.value.date;
      await st.updateIndex((d) => {
        const s = sourceOf(d, sourceId);
        applyPatch(s, patch);
      });
      const after = sourceOf(st.index, sourceId);
      if (after.published.value.date !== before) await (await claimsOf(caseId)).reresolveSource(sourceId, after.published.value.date);
      return after;
    },

    'sources.delete': async ({ caseId, sourceId }) => {
      const st = await store(caseId);
      sourceOf(st.index, sourceId);
      await st.removeSource(sourceId);
      await (await claimsOf(caseId)).forgetSource(sourceId);
      return { deleted: true as const };
    },

    'sources.replaceText': async ({ caseId, sourceId, name, data }) => {
      if (data.byteLength > MAX_IMPORT_BYTES) {
        throw new ApiError('TOO_LARGE', `${name} is ${formatBytes(data.byteLength)}; Corroborate imports files up to ${formatBytes(MAX_IMPORT_BYTES)}.`);
      }
      const st = await store(caseId);
      const old = sourceOf(st.index, sourceId);
      const sha = sha256Hex(data);
      if (sha === old.sha256) throw new ApiError('ALREADY_EXISTS', 'That file is the version this source already has; nothing changed.');
      const other = st.findBySha256(sha);
      if (other) throw new ApiError('ALREADY_EXISTS', `That file is already in this case as “${other.title.value ?? other.file ?? other.id}”.`);
      const x = await extractFileIsolated(name, data);
      const claims = await claimsOf(caseId);
      const { annotations, anchored, orphaned } = claims.reanchorSource(sourceId, x.text, x.pages);
      const body = await st.readBody(sourceId);
      const records = claims.bodyRecords(sourceId);
      const kept = records.annotations.filter((a) => !annotations.some((n) => n.id === (a as { id?: string }).id));
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
      await st.replaceSource(source, { ...body, text: x.text, annotations: [...annotations, ...kept], claims: records.claims }, data);
      await claims.adoptSource(sourceId, annotations);
      return { source, anchored, orphaned, view: claims.view() };
    },

    'suggestions.list': async ({ caseId, sourceId, refresh }) => {
      const st = await store(caseId);
      const source = sourceOf(st.index, sourceId);
      const body = await st.readBody(sourceId);
      const all = await suggestionCache.get(sourceId, body.text, source.published.value.date, refresh);
      const annotations = (await claimsOf(caseId)).view().annotations.filter((a) => a.sourceId === sourceId);
      return { ...openSuggestions(all, annotations, new Set(body.rejectedSuggestions ?? [])), rules: SUGGEST_RULES_VERSION };
    },

    'suggestions.reject': async ({ caseId, sourceId, keys, restore }) => {
      sourceOf((await store(caseId)).index, sourceId);
      const body = await (await claimsOf(caseId)).updateBody(sourceId, (b) => {
        const set = new Set(b.rejectedSuggestions ?? []);
        for (const k of keys) {
          if (restore) set.delete(k);
          else set.add(k);
        }
        return { ...b, rejectedSuggestions: [...set] };
      });
      return { rejected: body.rejectedSuggestions?.length ?? 0 };
    },

    'claims.view': async ({ caseId }) => (await claimsOf(caseId)).view(),
    'claims.execute': async ({ caseId, command, label }) => (await claimsOf(caseId)).execute(command, label),
    'claims.undo': async ({ caseId }) => (await claimsOf(caseId)).undo(),
    'claims.redo': async ({ caseId }) => (await claimsOf(caseId)).redo(),

    'sources.original': async ({ caseId, sourceId }) => {
      const st = await store(caseId);
      const source = sourceOf(st.index, sourceId);
      const data = await st.readOriginal(source);
      const name = source.file ?? `${source.title.value ?? source.id}.${source.originalExt}`;
      return { name, mime: MIME[source.originalExt] ?? 'application/octet-stream', data };
    },

    'conflicts.compute': async ({ caseId, eventId }) => {
      const st = await store(caseId);
      const state = (await claimsOf(caseId)).state();
      const sources = st.index.sources;
      const scoped = eventId ? { ...state, events: state.events.filter((e) => e.id === eventId), claims: state.claims.filter((c) => c.eventId === eventId) } : state;
      if (eventId && scoped.events.length === 0) throw new ApiError('NOT_FOUND', 'That event is no longer in this case.');
      const grades = gradeAll(scoped, sources, state.gradeOverrides ?? []).map((g) => ({ ...g, override: g.override ?? null }));
      return { matrices: computeAll(scoped, sources, state.decisions ?? []), grades };
    },

    'bundles.export': async ({ caseId, sourceIds, eventIds }) => {
      const st = await store(caseId);
      const state = (await claimsOf(caseId)).state();
      const data = await exportCase(st, state, { appVersion: version, sourceIds, eventIds });
      const stamp = new Date().toISOString().slice(0, 10);
      return { name: `${st.index.id}-${stamp}.corroborate.zip`, data: new Uint8Array(data) };
    },

    'bundles.verify': async ({ data }) => {
      const r = verifyBundle(data);
      return { ok: r.ok, problems: r.problems, manifest: r.manifest ?? null };
    },

    'bundles.import': async ({ data, caseId, name }) => {
      const contents = readBundle(data); // throws, naming the problem, before anything is written
      if (caseId) {
        const st = await store(caseId);
        const claims = await claimsOf(caseId);
        const r = await claims.exclusive(() => mergeIntoCase(st, claims, contents));
        claimSets.delete(caseId); // its cached state predates the merge
        return {
          case: summaryOf(st),
          merge: { added: r.added, updated: r.updated, unchanged: r.unchanged, clashes: r.clashes, nothingChanged: r.nothingChanged },
        };
      }
      const caseName = name ?? contents.index.name;
      // A host on one case folder imports into that folder, and only while it holds no case yet.
      const id = locator.fixedId ?? caseIdFromName(caseName);
      const st = await importAsNewCase(contents, locator.newCaseDir(id), { id, name: caseName });
      stores.set(id, Promise.resolve(st));
      return { case: summaryOf(st), merge: null };
    },

    search: async ({ caseId, query, limit }) => {
      const st = await store(caseId);
      const docs = [];
      for (const s of st.index.sources) {
        const body = await st.readBody(s.id).catch(() => null);
        if (body) docs.push({ id: s.id, title: s.title.value ?? s.file ?? 'Untitled source', text: body.text });
      }
      return searchDocs(docs, query, limit ?? 200);
    },
  };

  return makeCore(info, handlers, async () => {
    const ids = [...stores.keys()];
    await Promise.all(ids.map(closeStore));
  });
}

function sourceOf(index: Readonly<CaseIndex>, sourceId: string): Source {
  const s = index.sources.find((x) => x.id === sourceId);
  if (!s) throw new ApiError('NOT_FOUND', 'That source is no longer in this case.');
  return s;
}

const byUser = 'corrected by user';

function applyPatch(s: Source, patch: SourcePatch): void {
  if (patch.title !== undefined) s.title = { value: patch.title || null, confidence: patch.title ? 'high' : 'none', how: byUser };
  if (patch.outlet !== undefined) s.outlet = { value: patch.outlet || null, confidence: patch.outlet ? 'high' : 'none', how: byUser };
  if (patch.authors !== undefined) s.authors = { value: patch.authors, confidence: patch.authors.length ? 'high' : 'none', how: byUser };
  if (patch.published !== undefined) {
    const p = patch.published;
    s.published = {
      value: { ...p, precision: p.date ? (p.precision ?? 'day') : null },
      confidence: p.date ? 'high' : 'none',
      how: p.date ? byUser : 'no date: set by user',
    };
  }
  if (patch.url !== undefined) s.url = patch.url || null;
  if (patch.independenceGroup !== undefined) s.independenceGroup = patch.independenceGroup || null;
  if (patch.notes !== undefined) s.notes = patch.notes;
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

async function appVersion(): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export { CASE_FORMAT_VERSION };
