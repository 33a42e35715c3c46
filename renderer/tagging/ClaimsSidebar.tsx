// The claims sidebar: every claim of the case by source or by event, filterable by kind, measure
// and event; each row edits, changes its passage, deletes, and assigns to an event (by a select,
// or by dragging the row onto an event). Orphaned annotations wait at the top to be placed.
import { useMemo, useState, type DragEvent } from 'react';
import type { ClaimsView } from '../../shared/api.ts';
import type { Annotation, Claim, Event } from '../../shared/claims.ts';
import type { Command } from '../../shared/commands.ts';
import type { Source } from '../../shared/source.ts';
import { claimSummary, dayText, KIND_LETTER, KIND_NAME, measureLabel, quoteOf } from '../lib/claimText.ts';
import { sourceTitle } from '../lib/format.ts';
import { nowIso } from '../lib/ids.ts';
import { EventDialog } from './EventDialog.tsx';
import type { Retargeting } from './useTagging.ts';

const DRAG_TYPE = 'application/x-corroborate-claim';
const NONE = '__none__';

export function ClaimsSidebar(props: {
  id?: string;
  view: ClaimsView;
  sources: Source[];
  /** Sources shown in reading panes: listed first. */
  openSourceIds: string[];
  selectedClaimId: string | null;
  retargeting: Retargeting | null;
  execute: (c: Command, label: string) => Promise<boolean>;
  onEdit: (claimId: string) => void;
  onRetarget: (r: Retargeting) => void;
  onCancelRetarget: () => void;
  onConfirmRetarget: () => void;
  onReveal: (a: Annotation) => void;
}) {
  const { view } = props;
  const [by, setBy] = useState<'source' | 'event'>('source');
  const [kind, setKind] = useState('');
  const [measure, setMeasure] = useState('');
  const [eventFilter, setEventFilter] = useState('');
  const [eventDialog, setEventDialog] = useState<{ initial?: Event } | null>(null);
  const [dropOn, setDropOn] = useState<string | null>(null);

  const annotations = useMemo(() => new Map(view.annotations.map((a) => [a.id, a])), [view.annotations]);
  const events = view.events;
  const eventName = (id: string | null) => (id ? (events.find((e) => e.id === id)?.title ?? 'Unknown event') : null);
  const measures = useMemo(
    () => [...new Set(view.claims.flatMap((c) => ('measure' in c && c.measure ? [c.measure] : [])))].sort(),
    [view.claims],
  );
  const shown = view.claims.filter(
    (c) =>
      (!kind || c.kind === kind) &&
      (!measure || ('measure' in c && c.measure === measure)) &&
      (!eventFilter || (eventFilter === NONE ? c.eventId === null : c.eventId === eventFilter)),
  );
  const orphans = view.annotations.filter((a) => a.orphan);

  const assign = (claimIds: string[], eventId: string | null) => {
    const modified = nowIso();
    const assignments = claimIds
      .filter((id) => view.claims.find((c) => c.id === id)?.eventId !== eventId)
      .map((claimId) => ({ claimId, eventId, modified }));
    if (!assignments.length) return;
    void props.execute({ type: 'claim.assign', payload: { assignments } }, eventId ? `Assign to ${eventName(eventId)}` : 'Remove from event');
  };

  const dropTarget = (eventId: string | null) => {
    const key = eventId ?? NONE;
    return {
      onDragOver: (e: DragEvent) => {
        if (!Array.from(e.dataTransfer.types).includes(DRAG_TYPE)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        setDropOn(key);
      },
      onDragLeave: () => setDropOn((d) => (d === key ? null : d)),
      onDrop: (e: DragEvent) => {
        const id = e.dataTransfer.getData(DRAG_TYPE);
        setDropOn(null);
        if (!id) return;
        e.preventDefault();
        assign([id], eventId);
      },
      'data-drop': dropOn === key ? 'over' : undefined,
    };
  };

  const groups: Array<{ key: string; title: string; claims: Claim[]; eventId?: string | null }> = [];
  if (by === 'source') {
    const order = [...props.openSourceIds, ...props.sources.map((s) => s.id).filter((id) => !props.openSourceIds.includes(id))];
    for (const sid of order) {
      const claims = shown.filter((c) => c.sourceId === sid);
      const s = props.sources.find((x) => x.id === sid);
      if (claims.length) groups.push({ key: sid, title: s ? sourceTitle(s) : 'Unknown source', claims });
    }
  } else {
    for (const ev of events) groups.push({ key: ev.id, title: ev.title, claims: shown.filter((c) => c.eventId === ev.id), eventId: ev.id });
    const loose = shown.filter((c) => c.eventId === null);
    groups.push({ key: NONE, title: 'No event', claims: loose, eventId: null });
  }

  return (
    <aside className="claims-sidebar" aria-label="Claims" id={props.id}>
      <header className="cs-head">
        <h2 className="sr-only">
          Claims <span className="count">{view.claims.length}</span>
        </h2>
        <div className="segmented" role="group" aria-label="Group claims">
          <button type="button" aria-pressed={by === 'source'} onClick={() => setBy('source')}>
            By source
          </button>
          <button type="button" aria-pressed={by === 'event'} onClick={() => setBy('event')}>
            By event
          </button>
        </div>
      </header>
      <div className="cs-filters">
        <label>
          <span>Kind</span>
          <select aria-label="Filter by kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">All kinds</option>
            {Object.entries(KIND_NAME).map(([k, n]) => (
              <option key={k} value={k}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Measure</span>
          <select aria-label="Filter by measure" value={measure} onChange={(e) => setMeasure(e.target.value)}>
            <option value="">All measures</option>
            {measures.map((m) => (
              <option key={m} value={m}>
                {measureLabel(m)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Event</span>
          <select aria-label="Filter by event" value={eventFilter} onChange={(e) => setEventFilter(e.target.value)}>
            <option value="">All events</option>
            <option value={NONE}>No event</option>
            {events.map((ev) => (
              <option key={ev.id} value={ev.id}>
                {ev.title}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="cs-scroll">
        {props.retargeting ? (
          <div className="cs-retarget" role="status">
            <p>
              <strong>{props.retargeting.why === 'orphan' ? 'Place the orphan:' : 'Change passage:'}</strong> select the new passage in the text, then confirm.
            </p>
            <div className="actions-row">
              <button type="button" className="btn btn-small btn-primary" onClick={props.onConfirmRetarget}>
                Confirm new passage
              </button>
              <button type="button" className="btn btn-small" onClick={props.onCancelRetarget}>
                Cancel
              </button>
            </div>
          </div>
        ) : null}

        {orphans.length ? (
          <section className="cs-orphans" aria-labelledby="orphans-title">
            <h3 id="orphans-title">Orphans ({orphans.length})</h3>
            <p className="hint">Their text changed and their passage could not be found again. Place each by hand, or delete it.</p>
            <ul aria-label="Orphans">
              {orphans.map((a) => {
                const claims = view.claims.filter((c) => c.annotationId === a.id);
                const s = props.sources.find((x) => x.id === a.sourceId);
                return (
                  <li key={a.id} className="cs-orphan">
                    <p className="cs-quote">“{quoteOf(a)}”</p>
                    <p className="small muted">
                      {s ? sourceTitle(s) : 'Unknown source'} · {claims.map((c) => `${KIND_NAME[c.kind]}: ${claimSummary(c)}`).join('; ') || 'no claim'}
                    </p>
                    <p className="small warn-text">{a.orphan?.reason}</p>
                    <div className="actions-row">
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={() => props.onRetarget({ annotationId: a.id, why: 'orphan', label: quoteOf(a) })}
                      >
                        Place here
                      </button>
                      <button
                        type="button"
                        className="btn btn-small btn-quiet-danger"
                        onClick={() => {
                          const cmds = claims.map((c) => ({ type: 'claim.delete' as const, payload: { id: c.id } }));
                          if (cmds.length) void props.execute(cmds.length === 1 ? cmds[0] : { type: 'batch', payload: { commands: cmds } }, 'Delete orphan');
                        }}
                      >
                        Delete
                      </button>
                    </div>
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}

        {view.claims.length === 0 ? (
          <div className="cs-empty">
            <p>No claims yet.</p>
            <p className="hint">
              Select words in a pane, then press <kbd>c</kbd> casualties, <kbd>m</kbd> munitions, <kbd>a</kbd> attribution, <kbd>t</kbd> timing or <kbd>n</kbd> note.
            </p>
          </div>
        ) : shown.length === 0 ? (
          <p className="cs-empty hint">No claim matches these filters.</p>
        ) : null}

        {groups.map((g) =>
          g.claims.length === 0 && by === 'source' ? null : (
            <section
              key={g.key}
              className="cs-group"
              aria-label={g.title}
              {...(by === 'event' ? dropTarget(g.eventId ?? null) : {})}
            >
              <h3 className="cs-group-title">
                <span>{g.title}</span> <span className="count">{g.claims.length}</span>
              </h3>
              {g.claims.length ? (
                <ul className="cs-list">
                  {g.claims.map((c) => (
                    <ClaimRow
                      key={c.id}
                      claim={c}
                      annotation={annotations.get(c.annotationId)}
                      events={events}
                      selected={props.selectedClaimId === c.id}
                      eventName={eventName(c.eventId)}
                      onEdit={() => props.onEdit(c.id)}
                      onReveal={() => {
                        const a = annotations.get(c.annotationId);
                        if (a && !a.orphan) props.onReveal(a);
                      }}
                      onRetarget={() => props.onRetarget({ annotationId: c.annotationId, why: 'change', label: claimSummary(c) })}
                      onDelete={() => void props.execute({ type: 'claim.delete', payload: { id: c.id } }, 'Delete claim')}
                      onAssign={(eventId) => assign([c.id], eventId)}
                    />
                  ))}
                </ul>
              ) : (
                <p className="hint cs-drop-hint">Drag claims here, or use “Assign to event” on a claim.</p>
              )}
            </section>
          ),
        )}
      </div>

      <section className="cs-events" aria-labelledby="events-title">
        <div className="cs-events-head">
          <h3 id="events-title">
            Events <span className="count">{events.length}</span>
          </h3>
          <button type="button" className="btn btn-small" onClick={() => setEventDialog({})}>
            New event
          </button>
        </div>
        {events.length ? (
          <ul className="cs-event-list" aria-label="Events">
            {events.map((ev) => {
              const n = view.claims.filter((c) => c.eventId === ev.id).length;
              return (
                <li key={ev.id} className="cs-event" {...dropTarget(ev.id)}>
                  <div className="cs-event-main">
                    <span className="cs-event-title">{ev.title}</span>
                    <span className="small muted">
                      {ev.start ? (ev.end && ev.end !== ev.start ? `${dayText(ev.start)} – ${dayText(ev.end)}` : dayText(ev.start)) : 'date unknown'}
                      {ev.place ? ` · ${ev.place}` : ''} · {n === 1 ? '1 claim' : `${n} claims`}
                    </span>
                  </div>
                  <button type="button" className="btn btn-small btn-ghost" aria-label={`Edit event ${ev.title}`} onClick={() => setEventDialog({ initial: ev })}>
                    Edit
                  </button>
                  <button
                    type="button"
                    className="btn btn-small btn-ghost btn-quiet-danger"
                    aria-label={`Delete event ${ev.title}`}
                    onClick={() => void props.execute({ type: 'event.delete', payload: { id: ev.id, modified: nowIso() } }, 'Delete event')}
                  >
                    Delete
                  </button>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="hint">No events yet. Create one, then drag claims onto it or pick it in a claim’s form.</p>
        )}
      </section>

      {eventDialog ? (
        <EventDialog
          initial={eventDialog.initial}
          onClose={() => setEventDialog(null)}
          onCreate={(ev) => {
            const before = eventDialog.initial;
            if (!before) return props.execute({ type: 'event.create', payload: { event: ev, at: null, assign: [] } }, 'Create event');
            const set: Record<string, unknown> = {};
            for (const [k, v] of Object.entries(ev)) if (JSON.stringify((before as Record<string, unknown>)[k]) !== JSON.stringify(v)) set[k] = v;
            return props.execute({ type: 'event.update', payload: { id: ev.id, set, unset: [] } }, 'Edit event');
          }}
        />
      ) : null}
    </aside>
  );
}

function ClaimRow(props: {
  claim: Claim;
  annotation: Annotation | undefined;
  events: Event[];
  selected: boolean;
  eventName: string | null;
  onEdit: () => void;
  onReveal: () => void;
  onRetarget: () => void;
  onDelete: () => void;
  onAssign: (eventId: string | null) => void;
}) {
  const c = props.claim;
  const quote = quoteOf(props.annotation);
  return (
    <li
      className={props.selected ? 'cs-claim is-selected' : 'cs-claim'}
      aria-label={`${KIND_NAME[c.kind]}: ${claimSummary(c)}`}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, c.id);
        e.dataTransfer.setData('text/plain', quote);
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <div className="cs-claim-top">
        <span className={`kind-badge kind-${c.kind}`} title={KIND_NAME[c.kind]}>
          {KIND_LETTER[c.kind]}
        </span>
        <button type="button" className="cs-summary link-btn" onClick={props.onReveal} title="Show the passage">
          {claimSummary(c)}
        </button>
      </div>
      {quote ? <p className="cs-quote">“{quote.length > 160 ? `${quote.slice(0, 157)}…` : quote}”</p> : null}
      <p className="cs-meta small muted">
        {props.eventName ? <span className="cs-event-tag">{props.eventName}</span> : <span>No event</span>}
        {c.speaker ? <span> · {c.speaker}</span> : null}
        {props.annotation?.orphan ? <span className="warn-text"> · orphaned</span> : null}
      </p>
      {c.origin.type === 'suggestion' ? (
        <p className="cs-origin small" title="Proposed by the claim suggester and accepted by hand">
          Suggested by {c.origin.rule}
        </p>
      ) : null}
      <div className="cs-actions">
        <button type="button" className="btn btn-small" onClick={props.onEdit}>
          Edit
        </button>
        <button type="button" className="btn btn-small" onClick={props.onRetarget}>
          Change passage
        </button>
        <button type="button" className="btn btn-small btn-quiet-danger" onClick={props.onDelete}>
          Delete
        </button>
        <select className="cs-assign" aria-label="Assign to event" value={c.eventId ?? ''} onChange={(e) => props.onAssign(e.target.value || null)}>
          <option value="">No event</option>
          {props.events.map((ev) => (
            <option key={ev.id} value={ev.id}>
              {ev.title}
            </option>
          ))}
        </select>
      </div>
    </li>
  );
}
