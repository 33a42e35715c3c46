// The tagging controller of one open case: tracks the text selected in any reading pane (as
// offsets into its source's canonical text), collects passages, opens the claim form pre-filled,
// changes a claim's passage, places orphans, and maps the keyboard (c m a t n, Ctrl+Z / Ctrl+Shift+Z).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Client } from '../../shared/api.ts';
import type { TextTarget } from '../../shared/text/anchor.ts';
import { STARTER_ACTORS } from '../../shared/model/actors.ts';
import type { Annotation, Claim } from '../../shared/model/claims.ts';
import type { Source } from '../../shared/model/source.ts';
import type { Suggestion } from '../../shared/suggest/suggest.ts';
import { claimSummary, KIND_NAME, TAG_KINDS, type TagKind } from '../lib/claimText.ts';
import { newId, nowIso } from '../lib/ids.ts';
import { prefillClaim } from '../lib/prefill.ts';
import { offsetsOfRange, targetsFor } from '../lib/selection.ts';
import type { ReaderInfo, TaggingForPane } from './context.ts';
import { useClaims, type ClaimsStore } from './useClaims.ts';

export interface Selected {
  sourceId: string;
  targets: TextTarget[];
  rect: { top: number; left: number; bottom: number; right: number };
}

export type Draft = { mode: 'new'; claim: Claim; annotation: Annotation } | { mode: 'edit'; claim: Claim; annotation: Annotation | undefined };

export interface Retargeting {
  annotationId: string;
  /** "Change passage" of a claim, or placing an orphan. */
  why: 'change' | 'orphan';
  label: string;
}

export interface Tagging {
  store: ClaimsStore;
  pane: TaggingForPane;
  selection: Selected | null;
  collected: { sourceId: string; targets: TextTarget[] } | null;
  draft: Draft | null;
  retargeting: Retargeting | null;
  message: string | null;
  selectedClaimId: string | null;
  setMessage(m: string | null): void;
  setDraft(d: Draft | null): void;
  openNew(kind: TagKind): void;
  openClaim(claimId: string): void;
  addPassage(): void;
  clearPassages(): void;
  startRetarget(r: Retargeting): void;
  confirmRetarget(): Promise<void>;
  cancelRetarget(): void;
  bumpText(sourceId: string): void;
  dismissSelection(): void;
}

const isTyping = (t: EventTarget | null) => {
  const el = t as HTMLElement | null;
  return !!el && !!el.closest?.('input, textarea, select, [contenteditable="true"], dialog');
};

const mergeTargets = (a: TextTarget[], b: TextTarget[]) => {
  const all = [...a, ...b].sort((x, y) => x.start - y.start || x.end - y.end);
  return all.filter((t, i) => i === 0 || t.start !== all[i - 1].start || t.end !== all[i - 1].end);
};

export function useTagging(opts: {
  client: Client;
  caseId: string;
  byId: Map<string, Source>;
  /** Scroll a pane to a passage (opening the source if needed). */
  reveal: (sourceId: string, target: TextTarget) => void;
  /**
   * The suggestions the core made of a source that the panes already have (open ones: not accepted,
   * not rejected); the claim form is pre-filled from them, so the suggester never runs on this thread.
   */
  suggestionsOf?: (sourceId: string) => readonly Suggestion[];
}): Tagging {
  const { reveal, byId } = opts;
  const suggestionsOf = useRef(opts.suggestionsOf);
  suggestionsOf.current = opts.suggestionsOf;
  const store = useClaims(opts.client, opts.caseId);
  const { view } = store;
  const readers = useRef(new Map<string, ReaderInfo>());
  const [selection, setSelection] = useState<Selected | null>(null);
  const [collected, setCollected] = useState<{ sourceId: string; targets: TextTarget[] } | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [retargeting, setRetargeting] = useState<Retargeting | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [selectedClaimId, setSelectedClaimId] = useState<string | null>(null);
  const [versions, setVersions] = useState<Record<string, number>>({});

  const annotationsBySource = useMemo(() => {
    const m = new Map<string, Annotation[]>();
    for (const a of view?.annotations ?? []) {
      if (a.orphan) continue;
      const list = m.get(a.sourceId) ?? [];
      list.push(a);
      m.set(a.sourceId, list);
    }
    return m;
  }, [view]);
  const claimsByAnnotation = useMemo(() => {
    const m = new Map<string, Claim[]>();
    for (const c of view?.claims ?? []) {
      const list = m.get(c.annotationId) ?? [];
      list.push(c);
      m.set(c.annotationId, list);
    }
    return m;
  }, [view]);

  // --- the selection, as offsets into a registered reader's text
  /** The reader's canonical text, the selection in it and the source's suggestions, for the prefill. */
  const withinSource = (sourceId: string, targets: ReadonlyArray<{ start: number; end: number }>) => {
    const info = [...readers.current.values()].find((r) => r.sourceId === sourceId);
    return info ? { text: info.text, targets, suggestions: suggestionsOf.current?.(sourceId) ?? [] } : undefined;
  };

  /** The document's selection now, in a reader's text, or null. */
  const liveSelection = useCallback((): Selected | null => {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    for (const info of readers.current.values()) {
      if (!info.el.isConnected) continue;
      if (!info.el.contains(range.startContainer) && !info.el.contains(range.endContainer)) continue;
      const at = info.offsetsOf ? info.offsetsOf(range) : offsetsOfRange(info.el, range);
      if (!at) return null;
      const targets = targetsFor(info.text, at.start, at.end, info.pages);
      if (targets.length === 0) return null;
      const r = range.getBoundingClientRect();
      return { sourceId: info.sourceId, targets, rect: { top: r.top, left: r.left, bottom: r.bottom, right: r.right } };
    }
    return null;
  }, []);
  const readSelection = useCallback(() => setSelection(liveSelection()), [liveSelection]);

  useEffect(() => {
    let frame = 0;
    const onChange = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(readSelection);
    };
    document.addEventListener('selectionchange', onChange);
    // The toolbar sits by the selection; scrolling a pane moves the text under it.
    window.addEventListener('scroll', onChange, true);
    window.addEventListener('resize', onChange);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', onChange);
      window.removeEventListener('scroll', onChange, true);
      window.removeEventListener('resize', onChange);
    };
  }, [readSelection]);

  const dismissSelection = useCallback(() => {
    window.getSelection()?.removeAllRanges();
    setSelection(null);
  }, []);

  // --- drafting a claim
  const openNew = useCallback(
    (kind: TagKind) => {
      // The selection as it is now: the state follows selectionchange a frame late, so a tag key
      // pressed right after Shift+arrow would otherwise tag the selection before the arrow.
      const sel = liveSelection() ?? selection;
      let sourceId = sel?.sourceId ?? collected?.sourceId ?? null;
      if (!sourceId) return;
      if (sel && collected && collected.sourceId !== sel.sourceId) {
        setMessage('The passages of one claim must come from one source. Clear the collected passages, or select in the same source.');
        return;
      }
      const targets = mergeTargets(collected?.targets ?? [], sel?.targets ?? []);
      if (targets.length === 0) return;
      sourceId = sourceId as string;
      const source = byId.get(sourceId);
      const created = nowIso();
      const annotation: Annotation = { id: newId('a'), sourceId, targets, kind, created, modified: created };
      const claim = prefillClaim(kind, targets.map((t) => t.exact).join(' '), {
        id: newId('c'),
        annotationId: annotation.id,
        sourceId,
        created,
        published: source?.published.value.date ?? null,
        actors: view?.actors ?? [],
        starterActors: STARTER_ACTORS,
        // the suggestion covering the selection, so the speaker and date around it come along
        within: withinSource(sourceId, targets),
      });
      setDraft({ mode: 'new', claim, annotation });
      setCollected(null);
      setMessage(null);
      dismissSelection();
    },
    [liveSelection, selection, collected, byId, view, dismissSelection],
  );

  const openClaim = useCallback(
    (claimId: string) => {
      const claim = view?.claims.find((c) => c.id === claimId);
      if (!claim) return;
      const annotation = view?.annotations.find((a) => a.id === claim.annotationId);
      setSelectedClaimId(claimId);
      setDraft({ mode: 'edit', claim, annotation });
      if (annotation && !annotation.orphan) reveal(annotation.sourceId, annotation.targets[0]);
    },
    [view, reveal],
  );

  const openAnnotation = useCallback(
    (annotationId: string) => {
      const claims = claimsByAnnotation.get(annotationId) ?? [];
      if (claims[0]) openClaim(claims[0].id);
    },
    [claimsByAnnotation, openClaim],
  );

  const addPassage = useCallback(() => {
    if (!selection) return;
    if (collected && collected.sourceId !== selection.sourceId) {
      setMessage('The passages of one claim must come from one source.');
      return;
    }
    setCollected({ sourceId: selection.sourceId, targets: mergeTargets(collected?.targets ?? [], selection.targets) });
    dismissSelection();
  }, [selection, collected, dismissSelection]);

  // --- changing a passage / placing an orphan
  const confirmRetarget = useCallback(async () => {
    const r = retargeting;
    if (!r) return;
    const annotation = view?.annotations.find((a) => a.id === r.annotationId);
    if (!annotation) {
      setRetargeting(null);
      return;
    }
    const sel = selection;
    const targets = mergeTargets(
      collected?.sourceId === annotation.sourceId ? collected.targets : [],
      sel?.sourceId === annotation.sourceId ? sel.targets : [],
    );
    if (targets.length === 0) {
      setMessage(`Select the new passage in the source of this claim first.`);
      return;
    }
    const ok = await store.execute(
      { type: 'annotation.retarget', payload: { id: annotation.id, targets, modified: nowIso(), orphan: null } },
      r.why === 'orphan' ? 'Place orphan' : 'Change passage',
    );
    if (ok) {
      setRetargeting(null);
      setCollected(null);
      dismissSelection();
      setMessage(null);
    }
  }, [retargeting, view, selection, collected, store, dismissSelection]);

  // --- keyboard: c m a t n on a selection; undo / redo
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.altKey && !isTyping(e.target)) {
        const k = e.key.toLowerCase();
        if (k === 'z' && !e.shiftKey) {
          e.preventDefault();
          void store.undo();
          return;
        }
        if ((k === 'z' && e.shiftKey) || (k === 'y' && !e.shiftKey)) {
          e.preventDefault();
          void store.redo();
          return;
        }
      }
      if (mod || e.altKey || isTyping(e.target)) return;
      if (e.key === 'Escape' && (selection || collected)) {
        setCollected(null);
        dismissSelection();
        return;
      }
      if (!selection && !collected && !liveSelection()) return;
      if (retargeting) {
        if (e.key === 'Enter') {
          e.preventDefault();
          void confirmRetarget();
        }
        return;
      }
      const hit = TAG_KINDS.find((t) => t.key === e.key.toLowerCase() && !e.shiftKey);
      if (hit) {
        e.preventDefault();
        openNew(hit.kind);
      } else if (e.key === '+') {
        e.preventDefault();
        addPassage();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selection, collected, retargeting, liveSelection, openNew, addPassage, confirmRetarget, store, dismissSelection]);

  // A claim that disappears (undo of its creation, a delete) closes its form.
  useEffect(() => {
    if (draft?.mode === 'edit' && view && !view.claims.some((c) => c.id === draft.claim.id)) setDraft(null);
    if (selectedClaimId && view && !view.claims.some((c) => c.id === selectedClaimId)) setSelectedClaimId(null);
  }, [view, draft, selectedClaimId]);

  const register = useCallback((key: string, info: ReaderInfo | null) => {
    if (info) readers.current.set(key, info);
    else readers.current.delete(key);
  }, []);

  const pending = useMemo(() => {
    if (draft?.mode === 'new') return { sourceId: draft.annotation.sourceId, targets: draft.annotation.targets };
    return collected;
  }, [draft, collected]);

  const activeAnnotationId =
    draft?.mode === 'edit' ? draft.claim.annotationId : selectedClaimId ? (view?.claims.find((c) => c.id === selectedClaimId)?.annotationId ?? null) : null;

  const pane: TaggingForPane = useMemo(
    () => ({
      annotationsOf: (id) => annotationsBySource.get(id) ?? [],
      claimsOf: (id) => claimsByAnnotation.get(id) ?? [],
      pending,
      activeAnnotationId,
      register,
      openAnnotation,
      textVersion: (id) => versions[id] ?? 0,
    }),
    [annotationsBySource, claimsByAnnotation, pending, activeAnnotationId, register, openAnnotation, versions],
  );

  return {
    store,
    pane,
    selection,
    collected,
    draft,
    retargeting,
    message,
    selectedClaimId,
    setMessage,
    setDraft,
    openNew,
    openClaim,
    addPassage,
    clearPassages: () => setCollected(null),
    startRetarget: (r) => {
      setRetargeting(r);
      setDraft(null);
      setMessage(null);
    },
    confirmRetarget,
    cancelRetarget: () => setRetargeting(null),
    bumpText: (id) => setVersions((v) => ({ ...v, [id]: (v[id] ?? 0) + 1 })),
    dismissSelection,
  };
}

/** Tooltip text for a highlight: every claim its passage evidences. */
export const highlightTitle = (claims: Claim[]) =>
  claims.length ? claims.map((c) => `${KIND_NAME[c.kind]}: ${claimSummary(c)}`).join('\n') : 'Annotation without a claim';
