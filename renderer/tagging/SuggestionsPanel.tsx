// The suggestions list beside the text: the claims the suggester proposes for one source, grouped
// by the incident they seem to speak of, each to accept, edit then accept, or reject; accept all
// (confirmed; one Undo takes it back); and an incident group made into an event with its claims.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Event } from '../../shared/model/claims.ts';
import type { Source } from '../../shared/model/source.ts';
import { ConfirmDialog } from '../components/Dialog.tsx';
import { KIND_LETTER, KIND_NAME } from '../lib/claimText.ts';
import { plural, sourceTitle } from '../lib/format.ts';
import {
  confidenceText,
  incidentGroups,
  matchingEvent,
  ruleName,
  suggestionLabel,
  suggestionSummary,
  type IncidentGroup,
  type Suggested,
} from '../lib/suggestionText.ts';
import type { Rejection, SuggestionEntry } from './useSuggestions.ts';

/** Items drawn at first: a 300-page report can propose thousands; more on request. */
const PAGE = 200;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function SuggestionsPanel(props: {
  id: string;
  source: Source | null;
  /** Sources in the reading panes, to switch between. */
  sources: Source[];
  onSource: (sourceId: string) => void;
  entry: SuggestionEntry | undefined;
  items: Suggested[];
  /** The case's events: a suggested incident the case already has is accepted into it. */
  events: Event[];
  selectedKey: string | null;
  onSelect: (key: string) => void;
  onReveal: (s: Suggested) => void;
  onAccept: (items: Suggested[]) => Promise<boolean>;
  onEdit: (s: Suggested) => void;
  onReject: (s: Suggested) => void;
  onCreateEvent: (g: IncidentGroup) => Promise<boolean>;
  onRefresh: () => void;
  lastRejection: Rejection | null;
  onUndoReject: () => void;
  onDismissRejection: () => void;
}) {
  const { source, entry, items } = props;
  const [confirmAll, setConfirmAll] = useState(false);
  const [busy, setBusy] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [kind, setKind] = useState('');
  const list = useRef<HTMLDivElement>(null);
  const shown = useMemo(() => (kind ? items.filter((s) => s.kind === kind) : items), [items, kind]);
  const groups = useMemo(() => incidentGroups(shown.slice(0, limit)), [shown, limit]);
  const kinds = useMemo(() => [...new Set(items.map((s) => s.kind))], [items]);
  const existing = useMemo(() => new Map(groups.map((g) => [g.key, matchingEvent(g, props.events)])), [groups, props.events]);

  useEffect(() => setLimit(PAGE), [source?.id]);

  // After an accept or reject from the keyboard, focus moves to the suggestion that took its place.
  const refocus = useRef<{ key: string; index: number } | null>(null);
  const acted = (s: Suggested) => {
    refocus.current = { key: s.key, index: shown.findIndex((x) => x.key === s.key) };
  };
  useEffect(() => {
    const r = refocus.current;
    if (!r || shown.some((x) => x.key === r.key)) return;
    refocus.current = null;
    if (!list.current?.contains(document.activeElement) && document.activeElement !== document.body) return;
    const next = shown[Math.min(r.index, shown.length - 1)];
    const el = next ? list.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(next.key)}"]`) : null;
    if (el) el.focus();
    else list.current?.closest('aside')?.querySelector<HTMLElement>('.sp-head button')?.focus();
  }, [shown]);

  // A suggestion picked in the text: show it in the list.
  const focusedKey = useRef<string | null>(null);
  useEffect(() => {
    if (!props.selectedKey) {
      focusedKey.current = null;
      return;
    }
    const at = shown.findIndex((s) => s.key === props.selectedKey);
    if (at < 0) return;
    if (at >= limit) {
      setLimit(at + 1);
      return;
    }
    const el = list.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(props.selectedKey)}"]`);
    el?.scrollIntoView({ block: 'nearest' });
    // The focus follows a new pick only: the list changing under the same pick (a claim saved, an
    // event created) must not pull the focus out of the claim form being filled in.
    if (el && focusedKey.current !== props.selectedKey) {
      focusedKey.current = props.selectedKey;
      el.focus({ preventScroll: true });
    }
  }, [props.selectedKey, shown, limit]);

  const run = async (job: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await job();
    } finally {
      setBusy(false);
    }
  };

  const rejection = props.lastRejection && props.lastRejection.sourceId === source?.id ? props.lastRejection : null;

  return (
    <section className="suggestions-panel" role="tabpanel" id={props.id} aria-label="Suggestions">
      <header className="sp-head">
        <div className="sp-source">
          {props.sources.length > 1 ? (
            <select aria-label="Suggestions for source" value={source?.id ?? ''} onChange={(e) => props.onSource(e.target.value)}>
              {props.sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {sourceTitle(s)}
                </option>
              ))}
            </select>
          ) : (
            <h2 className="sp-title" title={source ? sourceTitle(source) : undefined}>
              {source ? sourceTitle(source) : 'No source open'}
            </h2>
          )}
        </div>
        <button
          type="button"
          className="btn btn-small"
          disabled={!source || entry?.finding}
          onClick={props.onRefresh}
          title="Find claims in this source's current text again"
        >
          Suggest again
        </button>
      </header>

      {source && entry?.status === 'ready' ? (
        <div className="sp-bar">
          <p className="small muted">
            {plural(items.length, 'suggestion')}
            {entry.hidden ? <span title="Suggestions already tagged as claims, or rejected"> · {entry.hidden} done</span> : null}
          </p>
          <button type="button" className="btn btn-small btn-primary" disabled={items.length === 0 || busy} onClick={() => setConfirmAll(true)}>
            Accept all ({items.length})
          </button>
        </div>
      ) : null}
      {source && entry?.status === 'ready' && kinds.length > 1 ? (
        <div className="sp-filter" role="group" aria-label="Show suggestions of kind">
          <button type="button" aria-pressed={kind === ''} onClick={() => setKind('')}>
            All
          </button>
          {kinds.map((k) => (
            <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(kind === k ? '' : k)}>
              <span className={`sp-swatch sg-swatch-${k}`} aria-hidden="true" />
              {KIND_NAME[k]} <span className="count">{items.filter((s) => s.kind === k).length}</span>
            </button>
          ))}
        </div>
      ) : null}

      {rejection ? (
        <div className="sp-undo" role="status">
          <span>
            Rejected “{clip(rejection.items[0]?.quote ?? '', 60)}”{rejection.items.length > 1 ? ` and ${rejection.items.length - 1} more` : ''}. It will not be
            suggested again.
          </span>
          <button type="button" className="btn btn-small" onClick={props.onUndoReject}>
            Undo
          </button>
          <button type="button" className="btn btn-small btn-ghost btn-icon" aria-label="Dismiss" onClick={props.onDismissRejection}>
            ×
          </button>
        </div>
      ) : null}

      <div className="sp-scroll" ref={list} aria-busy={entry?.finding ? true : undefined}>
        {!source ? (
          <div className="sp-empty">
            <p>Open a source in a pane to see the claims it suggests.</p>
          </div>
        ) : !entry || entry.status === 'loading' ? (
          <div className="sp-empty">
            <p className="sp-finding">
              <span className="spinner" aria-hidden="true" /> Finding claims in this source…
            </p>
            <p className="hint">Numbers with casualty words, weapon counts, attributions and dates. Long texts take a moment; you can keep reading.</p>
          </div>
        ) : entry.status === 'error' ? (
          <div className="sp-empty">
            <p role="alert" className="notice notice-error">
              Finding claims did not work: {entry.error}
            </p>
            <button type="button" className="btn btn-small" onClick={props.onRefresh}>
              Try again
            </button>
          </div>
        ) : items.length === 0 ? (
          <div className="sp-empty">
            <p>No suggestions left for this source.</p>
            <p className="hint">
              {entry.hidden
                ? `${plural(entry.hidden, 'suggestion')} ${entry.hidden === 1 ? 'is' : 'are'} already tagged or rejected.`
                : 'The suggester found no casualty figures, weapon counts, attributions or incident dates here.'}
            </p>
          </div>
        ) : (
          <>
            {groups.map((g) => (
              <section key={g.key} className="sp-group" aria-label={`Incident: ${g.title}`}>
                <div className="sp-group-head">
                  <h3 className="sp-group-title">
                    <span>{g.title}</span> <span className="count">{g.items.length}</span>
                  </h3>
                  {existing.get(g.key) ? (
                    <button
                      type="button"
                      className="btn btn-small btn-ghost sp-event-btn"
                      disabled={busy}
                      aria-label={`Accept these into event: ${existing.get(g.key)?.title} (${g.items.length})`}
                      title={`The case has this incident as the event “${existing.get(g.key)?.title}”: accept these ${g.items.length} into it`}
                      onClick={() => void run(() => props.onAccept(g.items))}
                    >
                      Accept into event
                    </button>
                  ) : g.date || g.place ? (
                    <button
                      type="button"
                      className="btn btn-small btn-ghost sp-event-btn"
                      disabled={busy}
                      aria-label={`Create event from these: ${g.title} (${g.items.length})`}
                      title={`Accept these ${g.items.length} and make them one event, “${g.title}”`}
                      onClick={() => void run(() => props.onCreateEvent(g))}
                    >
                      Create event from these
                    </button>
                  ) : null}
                </div>
                {existing.get(g.key) ? (
                  <p className="sp-group-event small">
                    Event in this case: <strong>{existing.get(g.key)?.title}</strong>
                  </p>
                ) : null}
                <ul className="sp-list">
                  {g.items.map((s) => (
                    <SuggestionItem
                      key={s.key}
                      s={s}
                      selected={props.selectedKey === s.key}
                      busy={busy}
                      onSelect={() => props.onSelect(s.key)}
                      onReveal={() => props.onReveal(s)}
                      onAccept={() => {
                        acted(s);
                        void run(() => props.onAccept([s]));
                      }}
                      onEdit={() => props.onEdit(s)}
                      onReject={() => {
                        acted(s);
                        props.onReject(s);
                      }}
                    />
                  ))}
                </ul>
              </section>
            ))}
            {shown.length > limit ? (
              <div className="sp-more">
                <button type="button" className="btn btn-small" onClick={() => setLimit((n) => n + PAGE)}>
                  Show {Math.min(PAGE, shown.length - limit)} more of {shown.length - limit}
                </button>
              </div>
            ) : null}
          </>
        )}
      </div>

      {confirmAll && source ? (
        <ConfirmDialog
          title={`Accept all ${plural(items.length, 'suggestion')}?`}
          confirmLabel={`Accept all (${items.length})`}
          busy={busy}
          onCancel={() => setConfirmAll(false)}
          onConfirm={() =>
            void run(async () => {
              const ok = await props.onAccept(items);
              if (ok) setConfirmAll(false);
            })
          }
        >
          <p>
            Every suggestion of “{sourceTitle(source)}” becomes a claim, marked as suggested with the rule that made it. Check them against the text before
            relying on them.
          </p>
          <p className="muted">One Undo takes them all back.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function SuggestionItem(props: {
  s: Suggested;
  selected: boolean;
  busy: boolean;
  onSelect: () => void;
  onReveal: () => void;
  onAccept: () => void;
  onEdit: () => void;
  onReject: () => void;
}) {
  const { s } = props;
  const meta = [s.speaker ? `per ${s.speaker}` : null, s.date && s.kind !== 'timing' ? `“${s.date.expression}”` : null].filter(Boolean);
  return (
    <li
      className={props.selected ? 'sp-item is-selected' : 'sp-item'}
      aria-label={suggestionLabel(s)}
      aria-current={props.selected ? 'true' : undefined}
      data-key={s.key}
      tabIndex={-1}
      onClick={(e) => {
        if (!(e.target as HTMLElement).closest('button')) props.onSelect();
      }}
    >
      <div className="sp-item-top">
        <span className={`sg-badge sg-badge-${s.kind}`} title={KIND_NAME[s.kind]} aria-hidden="true">
          {KIND_LETTER[s.kind]}
        </span>
        <button type="button" className="link-btn sp-summary" onClick={props.onReveal} title="Show the passage in the text">
          <span className="sr-only">{KIND_NAME[s.kind]}: </span>
          {suggestionSummary(s)}
        </button>
      </div>
      <p className="sp-quote">“{clip(s.quote, 220)}”</p>
      <p className="sp-meta small muted">
        {meta.length ? <span>{meta.join(' · ')} · </span> : null}
        <span title={`Rule ${s.rule}; how sure the rule is`}>
          {ruleName(s.rule)} · {confidenceText(s.confidence)}
        </span>
      </p>
      <div className="sp-actions">
        <button type="button" className="btn btn-small btn-accept" disabled={props.busy} onClick={props.onAccept} aria-label={`Accept: ${suggestionLabel(s)}`}>
          Accept
        </button>
        <button type="button" className="btn btn-small" onClick={props.onEdit} aria-label={`Edit, then accept: ${suggestionLabel(s)}`}>
          Edit
        </button>
        <button type="button" className="btn btn-small btn-quiet-danger" onClick={props.onReject} aria-label={`Reject: ${suggestionLabel(s)}`}>
          Reject
        </button>
      </div>
    </li>
  );
}
