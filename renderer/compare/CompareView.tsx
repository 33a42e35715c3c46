// The Compare view of an open case: the events (grade and flagged-row counts) beside the selected
// event's matrix; the case-wide disagreements list; the timeline. Decisions, reconciliations and
// grade overrides are record.put commands through the claims store, so they join the undo history.
// It holds a line per event and the one event opened (useCompare), never every claim of the case:
// the lists follow the claims version the store holds, so an edit anywhere brings its change here.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { TextTarget } from '../../shared/text/anchor.ts';
import type { Row, DecisionStatus } from '../../shared/compare/conflicts.ts';
import { recordKey } from '../../shared/model/commands.ts';
import type { Reconciliation } from '../../shared/compare/reconcile.ts';
import type { Source } from '../../shared/model/source.ts';
import { useClient } from '../components/context.ts';
import { useLongList } from '../components/useLongList.ts';
import { nowIso } from '../lib/ids.ts';
import { plural } from '../lib/format.ts';
import type { ClaimsStore } from '../tagging/useClaims.ts';
import { DecisionDialog } from './DecisionDialog.tsx';
import { Disagreements } from './Disagreements.tsx';
import { EventMatrix, GradeBadge } from './EventMatrix.tsx';
import { GradeDialog } from './GradeDialog.tsx';
import { formatWithPrecision, quoteOf, rowLabel } from './model.ts';
import { ReconcileDialog } from './ReconcileDialog.tsx';
import { Timeline } from './Timeline.tsx';
import { useCompare } from './useCompare.ts';
import { addTally, type Tally } from '../../shared/compare/summary.ts';
import './compare.css';

type Mode = 'events' | 'disagreements' | 'timeline';
interface Saved {
  mode: Mode;
  eventId: string | null;
}
const storageKey = (caseId: string) => `corroborate.compare.${caseId}`;
function loadSaved(caseId: string): Saved {
  try {
    const raw = sessionStorage.getItem(storageKey(caseId));
    if (raw) return JSON.parse(raw) as Saved;
  } catch {
    // Storage may be refused; start on the first event.
  }
  return { mode: 'events', eventId: null };
}

const eventRowEstimate = () => 78;

const sourceNameOf = (s: Source | undefined, id: string) => s?.outlet.value ?? s?.title.value ?? s?.file ?? id;

export function CompareView(props: {
  caseId: string;
  sources: Source[];
  store: ClaimsStore;
  /** Opens a passage in the Reader, scrolled to and flashing. */
  reveal: (sourceId: string, target: TextTarget) => void;
}) {
  const client = useClient();
  const { store, caseId } = props;
  const view = store.view;
  const [saved] = useState(() => loadSaved(caseId));
  const [mode, setMode] = useState<Mode>(saved.mode);
  const [eventId, setEventId] = useState<string | null>(saved.eventId);
  const compare = useCompare(client, caseId, view?.version ?? null, props.sources, eventId);
  const { lines, open, error } = compare;
  const [focusRow, setFocusRow] = useState<{ key: string; nonce: number } | null>(null);
  // On a narrow window (compare.css) the events list is a drawer over the matrix, opened from the toolbar.
  const [eventsOpen, setEventsOpen] = useState(false);
  const eventsId = useId();
  const eventsToggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!eventsOpen) return;
    const nav = document.getElementById(eventsId);
    (nav?.querySelector<HTMLElement>('[aria-current="true"]') ?? nav?.querySelector<HTMLElement>('button'))?.focus();
  }, [eventsOpen, eventsId]);
  const [deciding, setDeciding] = useState<{ row: Row; status: DecisionStatus } | null>(null);
  const [reconciling, setReconciling] = useState<Row | null>(null);
  const [grading, setGrading] = useState(false);

  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey(caseId), JSON.stringify({ mode, eventId } satisfies Saved));
    } catch {
      // See loadSaved.
    }
  }, [caseId, mode, eventId]);

  const byId = useMemo(() => new Map(props.sources.map((s) => [s.id, s])), [props.sources]);
  const sourceName = (id: string) => sourceNameOf(byId.get(id), id);
  // The open event's records, by id, for its matrix's quotes and dialogs.
  const claims = useMemo(() => new Map((open?.claims ?? []).map((c) => [c.id, c])), [open?.claims]);
  const annotations = useMemo(() => new Map((open?.annotations ?? []).map((a) => [a.id, a])), [open?.annotations]);
  const reconciliations = useMemo(() => new Map((open?.reconciliations ?? []).map((r) => [recordKey(r), r])), [open?.reconciliations]);
  const list = useMemo(() => lines?.events ?? [], [lines]);
  const total = useMemo(() => list.reduce<Tally>((t, e) => addTally(t, e.tally), { open: 0, explained: 0, dismissed: 0 }), [list]);
  const matrix = open?.matrix;
  const grade = open?.grade;
  // Thousands of events render as the rows on screen (useLongList), a few dozen as they are.
  const eventsScroll = useRef<HTMLElement>(null);
  const eventsList = useRef<HTMLUListElement>(null);
  const eventKey = useCallback((i: number) => list[i].eventId, [list]);
  const longEvents = useLongList({
    count: list.length,
    scrollRef: eventsScroll,
    listRef: eventsList,
    estimateSize: eventRowEstimate,
    getItemKey: eventKey,
    gap: 4,
  });
  const shownEvents = longEvents.virtual
    ? longEvents.items.map((it) => ({ index: it.index, top: it.start - longEvents.offset }))
    : list.map((_, index) => ({ index, top: 0 }));

  const openQuote = (claimId: string) => {
    const c = claims.get(claimId);
    const a = c ? annotations.get(c.annotationId) : undefined;
    if (c && a) props.reveal(c.sourceId, a.targets[0]);
  };

  const goToRow = (ev: string, key: string) => {
    setMode('events');
    setEventId(ev);
    setFocusRow({ key, nonce: Date.now() });
  };

  const put = (collection: 'decisions' | 'reconciliations' | 'gradeOverrides', key: string, value: unknown, label: string) =>
    // The value is validated again by the core (the command's zod schema); the union is by collection.
    store.execute({ type: 'record.put', payload: { collection, key, value } as never }, label);

  if (!view || (!lines && !error)) {
    return (
      <section className="compare" aria-busy="true" aria-label="Compare">
        <p className="cmp-empty">{view && view.totalClaims === null ? 'Reading the case’s claims…' : 'Computing the comparison…'}</p>
      </section>
    );
  }

  const tabs: Array<{ mode: Mode; label: string; count: number | null }> = [
    { mode: 'events', label: 'Events', count: list.length },
    { mode: 'disagreements', label: 'Disagreements', count: total.open },
    { mode: 'timeline', label: 'Timeline', count: null },
  ];

  return (
    <section className="compare" aria-label="Compare">
      <div className="cmp-toolbar">
        <div className="segmented cmp-modes" role="group" aria-label="Compare views">
          {tabs.map((t) => (
            <button key={t.mode} type="button" aria-pressed={mode === t.mode} onClick={() => setMode(t.mode)}>
              {t.label}
              {t.count !== null ? (
                <span className="count" aria-label={t.mode === 'disagreements' ? `, ${t.count} open` : `, ${t.count}`}>
                  {t.count}
                </span>
              ) : null}
            </button>
          ))}
        </div>
        {mode === 'events' && list.length > 0 ? (
          <button
            type="button"
            ref={eventsToggle}
            className="btn btn-small cmp-events-toggle"
            aria-expanded={eventsOpen}
            aria-controls={eventsId}
            onClick={() => setEventsOpen((o) => !o)}
          >
            Event list <span className="count">{list.length}</span>
          </button>
        ) : null}
        <span className="muted small">
          {plural(total.open, 'open flag')} · {total.explained} explained · {total.dismissed} dismissed
        </span>
      </div>
      {error ? (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      ) : null}

      {mode === 'events' ? (
        list.length === 0 ? (
          <p className="cmp-empty">
            No events yet. In the Reader, create an event in the Claims panel and assign claims to it; its sources are then compared here.
          </p>
        ) : (
          <div className="cmp-layout">
            <nav
              id={eventsId}
              className={eventsOpen ? 'cmp-events is-open' : 'cmp-events'}
              aria-label="Events"
              ref={eventsScroll}
              onKeyDown={(e) => {
                if (e.key === 'Escape' && eventsOpen) {
                  e.stopPropagation();
                  setEventsOpen(false);
                  eventsToggle.current?.focus();
                }
              }}
            >
              <ul
                ref={eventsList}
                className={longEvents.virtual ? 'is-virtual' : undefined}
                style={longEvents.virtual ? { height: longEvents.height } : undefined}
              >
                {shownEvents.map(({ index, top }) => {
                  const m = list[index];
                  const t = m.tally;
                  const current = m.eventId === compare.shown;
                  return (
                    <li
                      key={m.eventId}
                      data-index={index}
                      ref={longEvents.virtual ? longEvents.measure : undefined}
                      style={longEvents.virtual ? { transform: `translateY(${top}px)` } : undefined}
                      aria-setsize={longEvents.virtual ? list.length : undefined}
                      aria-posinset={longEvents.virtual ? index + 1 : undefined}
                    >
                      <button
                        type="button"
                        className="cmp-event"
                        aria-current={current ? 'true' : undefined}
                        onClick={() => {
                          setEventId(m.eventId);
                          setFocusRow(null);
                          if (eventsOpen) {
                            setEventsOpen(false);
                            eventsToggle.current?.focus();
                          }
                        }}
                      >
                        <span className="cmp-event-top">
                          <span className="cmp-event-title">{m.title}</span>
                          <GradeBadge grade={m.grade} small />
                        </span>
                        <span className="cmp-event-meta">
                          {m.start ? formatWithPrecision(m.start, m.end, m.precision) : 'undated'}
                          {m.place ? ` · ${m.place}` : ''}
                        </span>
                        <span className="cmp-tally" aria-label={`${t.open} open, ${t.explained} explained, ${t.dismissed} dismissed`}>
                          <span className={t.open ? 'tally tally-open' : 'tally'}>{t.open} open</span>
                          <span className="tally">{t.explained} explained</span>
                          <span className="tally">{t.dismissed} dismissed</span>
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </nav>
            <div className="cmp-main">
              {matrix ? (
                <EventMatrix
                  key={matrix.eventId}
                  matrix={matrix}
                  event={open.event}
                  grade={grade}
                  claims={claims}
                  annotations={annotations}
                  reconciliations={reconciliations}
                  focusRow={focusRow}
                  onOpenQuote={openQuote}
                  onDecide={(row, status) => setDeciding({ row, status })}
                  onClearDecision={(row) =>
                    void put('decisions', recordKey({ eventId: matrix.eventId, rowKey: row.key }), null, `Clear decision on ${rowLabel(row)}`)
                  }
                  onReconcile={setReconciling}
                  onClearReconciliation={(row) =>
                    void put('reconciliations', recordKey({ eventId: matrix.eventId, rowKey: row.key }), null, `Remove reconciliation of ${rowLabel(row)}`)
                  }
                  onOverrideGrade={() => setGrading(true)}
                  onClearGrade={() => void put('gradeOverrides', recordKey({ eventId: matrix.eventId }), null, 'Clear grade override')}
                />
              ) : (
                <p className="cmp-empty" aria-busy="true">
                  Reading the event…
                </p>
              )}
            </div>
          </div>
        )
      ) : mode === 'disagreements' ? (
        <Disagreements caseId={caseId} version={lines?.version ?? view.version} flagged={total.open + total.explained + total.dismissed} onGo={goToRow} />
      ) : (
        <Timeline
          caseId={caseId}
          version={lines?.version ?? view.version}
          sourceName={sourceName}
          onEvent={(id) => {
            setMode('events');
            setEventId(id);
            setFocusRow(null);
          }}
          onQuote={props.reveal}
        />
      )}

      {deciding && matrix ? (
        <DecisionDialog
          row={deciding.row}
          eventTitle={matrix.title}
          status={deciding.status}
          onClose={() => setDeciding(null)}
          onSave={(note) =>
            put(
              'decisions',
              recordKey({ eventId: matrix.eventId, rowKey: deciding.row.key }),
              {
                eventId: matrix.eventId,
                rowKey: deciding.row.key,
                status: deciding.status,
                note,
                at: nowIso(),
                verdict: deciding.row.verdict,
                claims: deciding.row.groupClaims ?? deciding.row.claims,
              },
              `${deciding.status === 'confirmed' ? 'Confirm' : deciding.status === 'explained' ? 'Explain' : 'Dismiss'} ${rowLabel(deciding.row)}`,
            )
          }
        />
      ) : null}
      {reconciling && matrix ? (
        <ReconcileDialog
          eventId={matrix.eventId}
          eventTitle={matrix.title}
          row={reconciling}
          existing={reconciliations.get(recordKey({ eventId: matrix.eventId, rowKey: reconciling.key })) ?? null}
          claims={claims}
          sourceName={sourceName}
          quote={(id) => quoteOf(claims.get(id), annotations)}
          published={(id) => byId.get(id)?.published.value.date ?? null}
          onClose={() => setReconciling(null)}
          onSave={(rec: Reconciliation) => put('reconciliations', recordKey(rec), rec, `Reconcile ${rowLabel(reconciling)}`)}
        />
      ) : null}
      {grading && matrix && grade ? (
        <GradeDialog
          eventId={matrix.eventId}
          eventTitle={matrix.title}
          computed={grade.computed}
          why={grade.why}
          existing={grade.override}
          onClose={() => setGrading(false)}
          onSave={(o) => put('gradeOverrides', recordKey({ eventId: o.eventId }), o, 'Override grade')}
        />
      ) : null}
    </section>
  );
}
