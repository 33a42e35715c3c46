// Suggested claims per source: fetched from the core when a source is shown (the core computes them
// off its main thread and caches them), refetched quietly when the source's annotations change (an
// accept, an undo), and acted on: accept (one claim.create), edit then accept (the claim form),
// accept all (one batch, so one Undo takes it back), reject (remembered by the core, and an edit on
// the undo stack: Ctrl+Z or the inline Undo takes it back), and "create event from these" (one
// batch: the event and its claims).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Client } from '../../shared/api.ts';
import { acceptSuggestion } from '../../shared/suggest/accept.ts';
import { STARTER_ACTORS } from '../../shared/model/actors.ts';
import type { Actor, Annotation, Claim } from '../../shared/model/claims.ts';
import type { SimpleCommand } from '../../shared/model/commands.ts';
import type { Source } from '../../shared/model/source.ts';
import { messageOf } from '../import/useImporter.ts';
import { sourceTitle } from '../lib/format.ts';
import { newId, nowIso } from '../lib/ids.ts';
import { actorBook } from '../lib/prefill.ts';
import { eventFromIncident, matchingEvent, notYetTagged, type IncidentGroup, type Suggested } from '../lib/suggestionText.ts';
import type { DocCache } from '../components/docCache.ts';
import type { ClaimsStore } from './useClaims.ts';

export interface SuggestionEntry {
  status: 'loading' | 'ready' | 'error';
  /** What the core last proposed (without what it knows is tagged or rejected). */
  items: Suggested[];
  hidden: number;
  rules: string | null;
  error: string | null;
  /** A fetch the user waits for (the first one, or "Suggest again"); quiet refetches are not shown. */
  finding: boolean;
  /** The source's annotations changed while it was not shown: fetch again when it is. */
  stale: boolean;
}

export interface Rejection {
  sourceId: string;
  items: Suggested[];
}

export interface SuggestionsStore {
  entry(sourceId: string): SuggestionEntry | undefined;
  /** What to show for a source: the core's list minus what was just accepted or rejected here. */
  visible(sourceId: string): Suggested[];
  /** Fetch a source's suggestions unless they are fresh. */
  ensure(sourceId: string): void;
  /** Fetch in the background, one source after another (freshly imported sources). */
  warm(sourceIds: string[]): void;
  /** "Suggest again": recompute from the current text. */
  refresh(sourceId: string): Promise<void>;
  /** Fetch again quietly (the publication date changed: same text, other dates). */
  reload(sourceId: string): Promise<void>;
  /** Forget and fetch again, visibly: the source's text was replaced, so the old offsets mean nothing. */
  reset(sourceId: string): Promise<void>;
  /** The claim a suggestion would become, for the claim form ("Edit" then accept). */
  draftOf(sourceId: string, s: Suggested): Promise<{ annotation: Annotation; claim: Claim } | null>;
  accept(sourceId: string, items: Suggested[], opts?: { group?: IncidentGroup }): Promise<boolean>;
  reject(sourceId: string, items: Suggested[]): Promise<boolean>;
  undoReject(): Promise<void>;
  /** The source's rejected suggestions changed in the core (a reject, its undo or redo): read them again. */
  changed(sourceId: string): Promise<void>;
  lastRejection: Rejection | null;
  dismissRejection(): void;
  error: string | null;
  dismissError(): void;
}

/** How a list is asked for: refresh runs the suggester again; quiet keeps the list shown meanwhile. */
type Ask = { refresh?: boolean; quiet?: boolean };

const fresh = (): SuggestionEntry => ({ status: 'loading', items: [], hidden: 0, rules: null, error: null, finding: true, stale: false });

/** Per source, a string that changes when its annotations do (what the core filters on). */
function signatures(annotations: readonly Annotation[] | undefined): Map<string, string> {
  const m = new Map<string, string[]>();
  for (const a of annotations ?? []) {
    const list = m.get(a.sourceId) ?? [];
    list.push(`${a.id}:${a.kind}:${a.orphan ? 'o' : ''}:${a.targets.map((t) => `${t.start}-${t.end}`).join(',')}`);
    m.set(a.sourceId, list);
  }
  return new Map([...m].map(([k, v]) => [k, v.join('|')]));
}

export function useSuggestions(opts: {
  client: Client;
  caseId: string;
  cache: DocCache;
  byId: Map<string, Source>;
  claims: ClaimsStore;
  /** Sources on screen: refetched at once when their annotations change; others are marked stale. */
  watched: string[];
}): SuggestionsStore {
  const { client, caseId, cache, byId, claims } = opts;
  const view = claims.view;
  const [entries, setEntries] = useState<Record<string, SuggestionEntry>>({});
  /** Keys hidden here while the core is asked (accept in flight, rejected). */
  const [held, setHeld] = useState<Record<string, string[]>>({});
  const [lastRejection, setLastRejection] = useState<Rejection | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(new Map<string, number>());
  const entriesRef = useRef(entries);
  entriesRef.current = entries;
  const watchedRef = useRef(opts.watched);
  watchedRef.current = opts.watched;

  const patch = useCallback((sourceId: string, p: Partial<SuggestionEntry>) => {
    setEntries((prev) => ({ ...prev, [sourceId]: { ...(prev[sourceId] ?? fresh()), ...p } }));
  }, []);

  const fetchList = useCallback(
    async (sourceId: string, how: Ask) => {
      const n = (seq.current.get(sourceId) ?? 0) + 1;
      seq.current.set(sourceId, n);
      setEntries((prev) => {
        const e = prev[sourceId];
        return { ...prev, [sourceId]: e ? { ...e, finding: e.finding || !how.quiet, stale: false } : { ...fresh(), finding: true } };
      });
      try {
        const r = await client.call('suggestions.list', { caseId, sourceId, ...(how.refresh ? { refresh: true } : {}) });
        if (seq.current.get(sourceId) !== n) return;
        patch(sourceId, { status: 'ready', items: r.suggestions, hidden: r.hidden, rules: r.rules, error: null, finding: false });
      } catch (e) {
        if (seq.current.get(sourceId) !== n) return;
        patch(sourceId, { status: 'error', error: messageOf(e), finding: false });
      }
    },
    [client, caseId, patch],
  );

  // One request per source at a time, and at most one waiting behind it (asks made meanwhile join
  // it). The first list of a session waits for the suggester to load, seconds on a busy machine; a
  // request per edit meanwhile held the browser's few connections to the host, so an undo waited
  // 5-7 s before it was even sent (bench-ui).
  const running = useRef(new Map<string, Promise<void>>());
  const waiting = useRef(new Map<string, { how: Ask; done: Promise<void> }>());
  const load = useCallback(
    (sourceId: string, how: Ask = {}): Promise<void> => {
      const settle = (p: Promise<void>) => p.finally(() => running.current.get(sourceId) === p && running.current.delete(sourceId));
      const now = running.current.get(sourceId);
      if (!now) {
        const p = settle(fetchList(sourceId, how));
        running.current.set(sourceId, p);
        return p;
      }
      const queued = waiting.current.get(sourceId);
      if (queued) {
        queued.how = { refresh: queued.how.refresh || how.refresh, quiet: queued.how.quiet && how.quiet };
        return queued.done;
      }
      const next: { how: Ask; done: Promise<void> } = { how, done: Promise.resolve() };
      next.done = settle(
        now.then(() => {
          waiting.current.delete(sourceId);
          return fetchList(sourceId, next.how);
        }),
      );
      waiting.current.set(sourceId, next);
      running.current.set(sourceId, next.done);
      return next.done;
    },
    [fetchList],
  );

  const ensure = useCallback(
    (sourceId: string) => {
      const e = entriesRef.current[sourceId];
      if (!e) void load(sourceId);
      else if (e.stale) void load(sourceId, { quiet: true });
    },
    [load],
  );

  const warmQueue = useRef<Promise<void>>(Promise.resolve());
  const warm = useCallback(
    (ids: string[]) => {
      for (const id of ids) {
        warmQueue.current = warmQueue.current.then(() => (entriesRef.current[id] ? undefined : load(id)));
      }
    },
    [load],
  );

  // An accept, an undo, a delete changes what the core leaves out: ask again.
  const sigs = useMemo(() => signatures(view?.annotations), [view]);
  const lastSigs = useRef<Map<string, string> | null>(null);
  useEffect(() => {
    const before = lastSigs.current;
    lastSigs.current = sigs;
    if (!before) return;
    const changed = new Set<string>();
    for (const [k, v] of sigs) if (before.get(k) !== v) changed.add(k);
    for (const k of before.keys()) if (!sigs.has(k)) changed.add(k);
    for (const id of changed) {
      if (!entriesRef.current[id]) continue;
      if (watchedRef.current.includes(id)) void load(id, { quiet: true });
      else patch(id, { stale: true });
    }
  }, [sigs, load, patch]);

  const annotationsBySource = useMemo(() => {
    const m = new Map<string, Annotation[]>();
    for (const a of view?.annotations ?? []) {
      const list = m.get(a.sourceId) ?? [];
      list.push(a);
      m.set(a.sourceId, list);
    }
    return m;
  }, [view]);

  const visibleBySource = useMemo(() => {
    const m = new Map<string, Suggested[]>();
    for (const [id, e] of Object.entries(entries)) {
      const hold = new Set(held[id] ?? []);
      const open = notYetTagged(e.items, annotationsBySource.get(id) ?? []);
      m.set(id, hold.size ? open.filter((s) => !hold.has(s.key)) : open);
    }
    return m;
  }, [entries, held, annotationsBySource]);

  const hold = (sourceId: string, keys: string[], on: boolean) =>
    setHeld((prev) => {
      const set = new Set(prev[sourceId] ?? []);
      for (const k of keys) {
        if (on) set.add(k);
        else set.delete(k);
      }
      return { ...prev, [sourceId]: [...set] };
    });

  const book = useMemo(() => actorBook(view?.actors ?? [], STARTER_ACTORS), [view]);

  const build = useCallback(
    async (sourceId: string, items: Suggested[], eventId: string | null) => {
      const doc = await cache.doc(sourceId);
      const source = byId.get(sourceId);
      const published = source?.published.value.date ?? null;
      const now = nowIso();
      const caseActors = view?.actors ?? [];
      const newActors = new Map<string, Actor>();
      const creates: SimpleCommand[] = [];
      for (const s of items) {
        const { annotation, claim } = acceptSuggestion(s, {
          sourceId,
          text: doc.text,
          ids: { annotationId: newId('a'), claimId: newId('c') },
          now,
          actors: book,
          published,
          // The incident's event when the case has it already (made from another source's suggestions, or by hand).
          eventId: eventId ?? matchingEvent(s.eventHint, view?.events ?? [])?.id ?? null,
          pages: doc.pages,
        });
        // A starter actor named by the claim joins the case with it (as the claim form does).
        const actorId = claim.kind === 'attribution' ? claim.perpetrator?.actorId : null;
        if (actorId && !caseActors.some((a) => a.id === actorId)) {
          const actor = book.find((a) => a.id === actorId);
          if (actor) newActors.set(actor.id, actor);
        }
        creates.push({ type: 'claim.create', payload: { annotation, claim, at: null } });
      }
      const actors: SimpleCommand[] = [...newActors.values()].map((actor) => ({ type: 'actor.put', payload: { actor, at: null } }));
      return { commands: [...actors, ...creates], source };
    },
    [cache, byId, view, book],
  );

  const draftOf = useCallback(
    async (sourceId: string, s: Suggested) => {
      try {
        const doc = await cache.doc(sourceId);
        const source = byId.get(sourceId);
        return acceptSuggestion(s, {
          sourceId,
          text: doc.text,
          ids: { annotationId: newId('a'), claimId: newId('c') },
          now: nowIso(),
          actors: book,
          published: source?.published.value.date ?? null,
          eventId: matchingEvent(s.eventHint, view?.events ?? [])?.id ?? null,
          pages: doc.pages,
        });
      } catch (e) {
        setError(`The suggestion could not be opened: ${messageOf(e)}`);
        return null;
      }
    },
    [cache, byId, book, view],
  );

  const accept = useCallback(
    async (sourceId: string, items: Suggested[], o: { group?: IncidentGroup } = {}) => {
      if (items.length === 0) return false;
      const keys = items.map((s) => s.key);
      hold(sourceId, keys, true);
      try {
        const event = o.group ? eventFromIncident(o.group, { id: newId('e'), now: nowIso(), note: '' }) : null;
        const { commands, source } = await build(sourceId, items, event?.id ?? null);
        if (event) {
          event.note = `Created from suggestions in “${source ? sourceTitle(source) : 'a source'}”.`;
          commands.unshift({ type: 'event.create', payload: { event, at: null, assign: [] } });
        }
        const label = event ? `Create event “${event.title}”` : items.length === 1 ? 'Accept suggestion' : `Accept ${items.length} suggestions`;
        const command = commands.length === 1 ? commands[0] : { type: 'batch' as const, payload: { commands } };
        const ok = await claims.execute(command, label);
        if (ok) setError(null);
        return ok;
      } catch (e) {
        setError(`The suggestion could not be accepted: ${messageOf(e)}`);
        return false;
      } finally {
        hold(sourceId, keys, false);
      }
    },
    [build, claims],
  );

  const reject = useCallback(
    async (sourceId: string, items: Suggested[]) => {
      if (items.length === 0) return false;
      const keys = items.map((s) => s.key);
      hold(sourceId, keys, true);
      try {
        await client.call('suggestions.reject', { caseId, sourceId, keys });
        setLastRejection({ sourceId, items });
        setError(null);
        // The rejection is on the undo stack: catch up for its label (and hear of it as a change).
        void claims.refresh();
        return true;
      } catch (e) {
        hold(sourceId, keys, false);
        setError(`The suggestion could not be rejected: ${messageOf(e)}`);
        return false;
      }
    },
    [client, caseId, claims],
  );

  // An undo or redo (of the rejection or of anything after it) ends the inline "Rejected …" offer.
  const { lastStep } = claims;
  useEffect(() => {
    if (lastStep) setLastRejection(null);
  }, [lastStep]);

  const changed = useCallback(
    async (sourceId: string) => {
      // Read first, then stop hiding: a rejected key never flashes back while the list is read.
      if (entriesRef.current[sourceId]) await load(sourceId, { quiet: true });
      setHeld((prev) => ({ ...prev, [sourceId]: [] }));
    },
    [load],
  );

  const undoReject = useCallback(async () => {
    const r = lastRejection;
    if (!r) return;
    const keys = r.items.map((s) => s.key);
    // While the rejection is the last edit, the inline Undo is the same as Ctrl+Z.
    if (claims.view?.undoLabel?.startsWith('Reject')) {
      setLastRejection(null);
      return claims.undo();
    }
    try {
      await client.call('suggestions.reject', { caseId, sourceId: r.sourceId, keys, restore: true });
      setLastRejection(null);
      hold(r.sourceId, keys, false);
      await load(r.sourceId, { quiet: true });
    } catch (e) {
      setError(`The rejection could not be taken back: ${messageOf(e)}`);
    }
  }, [client, caseId, lastRejection, load, claims]);

  return {
    entry: (id) => entries[id],
    visible: (id) => visibleBySource.get(id) ?? [],
    ensure,
    warm,
    refresh: (id) => load(id, { refresh: true }),
    reload: (id) => (entriesRef.current[id] ? load(id, { quiet: true }) : Promise.resolve()),
    reset: (id) => {
      setEntries((prev) => ({ ...prev, [id]: fresh() }));
      return load(id);
    },
    draftOf,
    accept,
    reject,
    undoReject,
    changed,
    lastRejection,
    dismissRejection: () => setLastRejection(null),
    error,
    dismissError: () => setError(null),
  };
}
