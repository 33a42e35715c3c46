// The claims sidebar: the claims of the sources open in the reading panes (or, on request, of the
// whole case), by source or by event, filterable by kind, measure and event. Each row edits,
// changes its passage, deletes, and assigns to an event (one shared picker opened from the row, or
// by dragging the row onto an event). Orphaned annotations wait at the top to be placed.
//
// At monitor scale (100,000 claims, 10,000 events) a view change costs one pass over the claims
// (claimGroups.ts); a long list renders only the rows on screen, group headers being rows too.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ClaimsView } from '../../shared/api.ts';
import type { Annotation, Claim, Event } from '../../shared/model/claims.ts';
import type { Command } from '../../shared/model/commands.ts';
import type { Source } from '../../shared/model/source.ts';
import { claimSummary, KIND_NAME, measureLabel, quoteOf } from '../lib/claimText.ts';
import { claimRows, claimsOfAnnotation, eventClaimCount, indexAnnotations, indexClaims, NO_EVENT, type ClaimRowItem } from '../lib/claimGroups.ts';
import { sourceTitle } from '../lib/format.ts';
import { nowIso } from '../lib/ids.ts';
import { EventDialog } from './EventDialog.tsx';
import { EventField } from './EventField.tsx';
import { EventPicker } from './EventPicker.tsx';
import type { Retargeting } from './useTagging.ts';
import { ClaimRow } from './claims-sidebar/ClaimRow.tsx';
import { EventsList } from './claims-sidebar/EventsList.tsx';
import { claimLabel, DRAG_TYPE, rowAttrs, type Handlers, type Place } from './claims-sidebar/rows.ts';
import { useClaimDrop } from './claims-sidebar/useClaimDrop.ts';
import { useRowList } from './claims-sidebar/useRowList.ts';
import './claimsSidebar.css';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export function ClaimsSidebar(props: {
  id?: string;
  view: ClaimsView;
  sources: Source[];
  /** Sources shown in reading panes: their claims are listed (the rest on request). */
  openSourceIds: string[];
  /** True when the view holds every claim of the case (it may hold only the open sources'). */
  complete?: boolean;
  /** Asks for every claim of the case ("Show all"): the view may hold only the open sources'. */
  onShowAll?: () => void;
  selectedClaimId: string | null;
  retargeting: Retargeting | null;
  execute: (c: Command, label: string) => Promise<boolean>;
  onEdit: (claimId: string) => void;
  onRetarget: (r: Retargeting) => void;
  onCancelRetarget: () => void;
  onConfirmRetarget: () => void;
  onReveal: (a: Annotation) => void;
  /** Opens Import claims… (a claims sheet); absent where the case cannot take an import. */
  onImportClaims?: () => void;
}) {
  const { view } = props;
  const [by, setBy] = useState<'source' | 'event'>('source');
  const [scope, setScope] = useState<'open' | 'all'>('open');
  const [kind, setKind] = useState('');
  const [measure, setMeasure] = useState('');
  const [eventFilter, setEventFilter] = useState('');
  const [eventDialog, setEventDialog] = useState<{ initial?: Event } | null>(null);
  const [picker, setPicker] = useState<{ claim: Claim; anchor: HTMLElement } | null>(null);

  // The lookup maps: once per change of the arrays they read (an edit keeps unchanged arrays).
  const claims = useMemo(() => indexClaims(view.claims), [view.claims]);
  const annotations = useMemo(() => indexAnnotations(view.annotations), [view.annotations]);
  const events = view.events;
  const eventsById = useMemo(() => new Map(events.map((e) => [e.id, e])), [events]);
  const titles = useMemo(() => new Map(props.sources.map((s) => [s.id, sourceTitle(s)])), [props.sources]);
  const sourceOrder = useMemo(() => props.sources.map((s) => s.id), [props.sources]);
  const openKey = props.openSourceIds.join('\n');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const openIds = useMemo(() => [...new Set(props.openSourceIds)], [openKey]);
  // A view scoped to some sources holds fewer claims than the case: count the rest from its total.
  // Null while the case is still being read at open: then what is held is all that is known.
  const known = view.totalClaims !== null;
  const total = Math.max(view.totalClaims ?? 0, view.claims.length);
  const reading = scope === 'all' && props.complete === false;
  const eventName = useCallback((id: string | null) => (id ? (eventsById.get(id)?.title ?? 'Unknown event') : null), [eventsById]);

  const list = useMemo(
    () =>
      claimRows(claims, {
        by,
        filter: { kind, measure, event: eventFilter },
        scope,
        openSourceIds: openIds,
        sourceOrder,
        sourceTitle: (id) => titles.get(id) ?? 'Unknown source',
        events,
        total,
      }),
    [claims, by, kind, measure, eventFilter, scope, openIds, sourceOrder, titles, events, total],
  );
  const rows = list.rows;

  const assign = (claimIds: string[], eventId: string | null) => {
    const modified = nowIso();
    const assignments = claimIds.filter((id) => claims.claim(id)?.eventId !== eventId).map((claimId) => ({ claimId, eventId, modified }));
    if (!assignments.length) return;
    void props.execute({ type: 'claim.assign', payload: { assignments } }, eventId ? `Assign to ${eventName(eventId)}` : 'Remove from event');
  };

  const h = useRef<Handlers>(null as unknown as Handlers);
  h.current = {
    edit: props.onEdit,
    reveal: (c) => {
      const a = annotations.get(c.sourceId, c.annotationId);
      if (a && !a.orphan) props.onReveal(a);
    },
    retarget: (c) => props.onRetarget({ annotationId: c.annotationId, why: 'change', label: claimSummary(c) }),
    remove: (c) => void props.execute({ type: 'claim.delete', payload: { id: c.id } }, 'Delete claim'),
    openPicker: (c, anchor) => setPicker((p) => (p?.claim.id === c.id ? null : { claim: c, anchor })),
  };

  const { dropOn, dropHandlers } = useClaimDrop(assign);

  // The list: every row while short, the rows on screen once long.
  const scroller = useRef<HTMLDivElement>(null);
  const listEl = useRef<HTMLUListElement>(null);
  const { long, visible } = useRowList(rows, scroller, listEl);

  // A claim picked elsewhere (a highlight clicked) comes into view here.
  const scrollTo = long.scrollToIndex;
  useEffect(() => {
    if (!props.selectedClaimId) return;
    const i = rows.findIndex((r) => r.type === 'claim' && r.claim.id === props.selectedClaimId);
    if (i >= 0) scrollTo(i);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.selectedClaimId]);

  const orphans = annotations.orphans;
  const filtered = !!(kind || measure || eventFilter);

  return (
    <section className="claims-sidebar" role="tabpanel" aria-label="Claims" id={props.id}>
      <header className="cs-head">
        <h2 className="sr-only">
          Claims <span className="count">{total}</span>
        </h2>
        <div className="segmented" role="group" aria-label="Group claims">
          <button type="button" aria-pressed={by === 'source'} onClick={() => setBy('source')}>
            By source
          </button>
          <button type="button" aria-pressed={by === 'event'} onClick={() => setBy('event')}>
            By event
          </button>
        </div>
        {props.onImportClaims ? (
          <button type="button" className="btn btn-small" onClick={props.onImportClaims}>
            Import claims…
          </button>
        ) : null}
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
            {claims.measures.map((m) => (
              <option key={m} value={m}>
                {measureLabel(m)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Event</span>
          <EventField
            label="Filter by event"
            pickerFor="the claims filter"
            noneLabel="No event"
            extra={[['', 'All events']]}
            extraValue={eventFilter === '' ? '' : undefined}
            onExtra={() => setEventFilter('')}
            events={events}
            value={eventFilter === '' || eventFilter === NO_EVENT ? null : eventFilter}
            onChange={(eventId) => setEventFilter(eventId ?? NO_EVENT)}
          />
        </label>
      </div>
      {total > 0 || !known ? (
        <div className="cs-scope">
          {scope === 'open' ? (
            <p>
              {openIds.length === 0
                ? 'No source is open.'
                : `${plural(list.inOpen, 'claim')} in ${openIds.length === 1 ? 'the open source' : `the ${openIds.length} open sources`}`}
              {!known
                ? `${openIds.length ? ';' : ''} the rest of the case is still being read.`
                : list.elsewhere > 0
                  ? `${openIds.length ? ';' : ''} ${plural(list.elsewhere, 'other claim')} in this case.`
                  : openIds.length
                    ? '.'
                    : ''}
              {filtered && list.shown !== list.inOpen ? ` ${list.shown.toLocaleString('en')} match the filters.` : ''}
            </p>
          ) : (
            <p>
              {reading
                ? `Reading all ${known ? `${plural(total, 'claim')} ` : 'the claims '}of this case…`
                : `All ${plural(total, 'claim')} of this case${filtered ? `, ${list.shown.toLocaleString('en')} matching the filters` : ''}.`}
            </p>
          )}
          {scope === 'open' && (list.elsewhere > 0 || !known) ? (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                setScope('all');
                props.onShowAll?.();
              }}
            >
              {known ? `Show all ${plural(total, 'claim')}` : 'Show all claims'}
            </button>
          ) : scope === 'all' && openIds.length ? (
            <button type="button" className="btn btn-small" onClick={() => setScope('open')}>
              Only the open sources
            </button>
          ) : null}
        </div>
      ) : null}

      <div className="cs-scroll" ref={scroller}>
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
                const its = claimsOfAnnotation(claims, a);
                return (
                  <li key={a.id} className="cs-orphan">
                    <p className="cs-quote">“{quoteOf(a)}”</p>
                    <p className="small muted">
                      {titles.get(a.sourceId) ?? 'Unknown source'} · {its.map((c) => `${KIND_NAME[c.kind]}: ${claimSummary(c)}`).join('; ') || 'no claim'}
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
                          const cmds = its.map((c) => ({ type: 'claim.delete' as const, payload: { id: c.id } }));
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

        {total === 0 && known ? (
          <div className="cs-empty">
            <p>No claims yet.</p>
            <p className="hint">
              Select words in a pane, then press <kbd>c</kbd> casualties, <kbd>m</kbd> munitions, <kbd>a</kbd> attribution, <kbd>t</kbd> timing or <kbd>n</kbd>{' '}
              note.
            </p>
          </div>
        ) : list.shown === 0 && filtered ? (
          <p className="cs-empty hint">No claim matches these filters.</p>
        ) : list.shown === 0 && scope === 'open' && by === 'source' ? (
          <p className="cs-empty hint">
            {openIds.length
              ? 'No claim in the open sources yet. Select words in a pane and press a kind’s key to tag one.'
              : 'Open a source to see its claims, or show all of them.'}
          </p>
        ) : null}

        <ul
          ref={listEl}
          className={long.virtual ? 'cs-rows is-virtual' : 'cs-rows'}
          aria-label={scope === 'open' ? 'Claims of the open sources' : 'All claims'}
          style={long.virtual ? { height: long.height } : undefined}
          {...dropHandlers}
        >
          {visible.map((place) => {
            const r = rows[place.index];
            // Grouped by event, every row of a group (its header, claims, hint) is a place to drop a claim.
            const drop = by === 'event' ? (r.eventId ?? NO_EVENT) : undefined;
            const over = drop !== undefined && dropOn === drop;
            if (r.type === 'group')
              return (
                <li key={r.key} {...rowAttrs(place)} className="cs-row cs-group-row" data-drop-event={drop} data-drop={over ? 'over' : undefined}>
                  <h3 className="cs-group-title">
                    <span>{r.title}</span> <span className="count">{r.count}</span>
                  </h3>
                </li>
              );
            if (r.type === 'empty')
              return (
                <li key={r.key} {...rowAttrs(place)} className="cs-row cs-drop-hint hint" data-drop-event={drop} data-drop={over ? 'over' : undefined}>
                  Drag claims here, or use a claim’s “Event” button.
                </li>
              );
            return (
              <ClaimRow
                key={r.key}
                place={place}
                claim={r.claim}
                annotation={annotations.get(r.claim.sourceId, r.claim.annotationId)}
                selected={props.selectedClaimId === r.claim.id}
                eventName={eventName(r.claim.eventId)}
                pickerOpen={picker?.claim.id === r.claim.id}
                dropEvent={drop}
                dropOver={over}
                h={h}
              />
            );
          })}
        </ul>
      </div>

      <EventsList
        events={events}
        count={(id) => eventClaimCount(claims, id)}
        partial={props.complete === false}
        dropOn={dropOn}
        dropHandlers={dropHandlers}
        onNew={() => setEventDialog({})}
        onEdit={(ev) => setEventDialog({ initial: ev })}
        onDelete={(ev) => void props.execute({ type: 'event.delete', payload: { id: ev.id, modified: nowIso() } }, 'Delete event')}
      />

      {picker ? (
        <EventPicker
          events={events}
          current={picker.claim.eventId}
          claimLabel={claimLabel(picker.claim)}
          anchor={picker.anchor}
          onPick={(eventId) => assign([picker.claim.id], eventId)}
          onClose={() => setPicker(null)}
        />
      ) : null}

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
    </section>
  );
}
