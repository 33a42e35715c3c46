// What Compare holds of a case (issue 15): a line per event (compare.events) and the one event the
// user opened (compare.event), not every claim and matrix of the case. Both follow the claims
// version the store holds: every edit, undo or catch-up from the change feed moves it, and then
// the lines that changed after the version held are asked for (`since`) and put in place by id,
// and the open event is read again (its matrix, claims and reconciliations: a few dozen records).
// Answers that arrive out of order, or for an event no longer open, are dropped.
import { useEffect, useRef, useState } from 'react';
import type { Client, CompareEvent } from '../../shared/api.ts';
import type { EventSummary } from '../../shared/compare/summary.ts';
import type { Source } from '../../shared/model/source.ts';
import { messageOf } from '../import/useImporter.ts';

export interface EventLines {
  version: number;
  events: EventSummary[];
  /** Where each event's line is in `events`. */
  at: Map<string, number>;
}

/** The lines held with a reply put in: the whole list, or the changed lines replaced where they are. */
export function mergeLines(held: EventLines | null, reply: { version: number; full: boolean; events: EventSummary[] }): EventLines | null {
  if (reply.full || !held) return reply.full ? { version: reply.version, events: reply.events, at: new Map(reply.events.map((e, i) => [e.eventId, i])) } : null;
  if (reply.version < held.version) return held;
  if (!reply.events.length) return { ...held, version: reply.version };
  const events = [...held.events];
  for (const e of reply.events) {
    const i = held.at.get(e.eventId);
    if (i === undefined) return null; // a line for an event not held: the list changed, read it whole
    events[i] = e;
  }
  return { version: reply.version, events, at: held.at };
}

export function useCompare(client: Client, caseId: string, version: number | null, sources: Source[], eventId: string | null) {
  const [lines, setLines] = useState<EventLines | null>(null);
  const [open, setOpen] = useState<CompareEvent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const held = useRef<EventLines | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    if (version === null) return;
    const n = ++seq.current;
    const ask = async () => {
      const h = held.current;
      const first = await client.call('compare.events', h ? { caseId, since: h.version } : { caseId });
      const merged = mergeLines(h, first) ?? mergeLines(null, await client.call('compare.events', { caseId }));
      if (n !== seq.current) return;
      held.current = merged;
      setLines(merged);
      setError(null);
    };
    ask().catch((e: unknown) => {
      if (n === seq.current) setError(`The disagreements could not be computed: ${messageOf(e)}`);
    });
  }, [client, caseId, version, sources]);

  // The event shown: the one chosen, or the first of the list.
  const shown = eventId !== null && lines?.at.has(eventId) ? eventId : (lines?.events[0]?.eventId ?? null);
  const openSeq = useRef(0);
  useEffect(() => {
    if (version === null || shown === null) return;
    const n = ++openSeq.current;
    client.call('compare.event', { caseId, eventId: shown }).then(
      (r) => {
        if (n === openSeq.current) setOpen(r);
      },
      (e: unknown) => {
        if (n === openSeq.current) setError(`This event could not be read: ${messageOf(e)}`);
      },
    );
  }, [client, caseId, version, sources, shown]);

  return { lines, open: open && open.event.id === shown ? open : null, shown, error };
}
