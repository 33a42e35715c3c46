// The case's bundle buttons: "Export bundle…" (the whole case, or chosen events or sources, saved
// as one .zip) and "Merge bundle…" (a colleague's bundle merged by id into this case; a clash of
// edits keeps both sides for review; a bad bundle is refused with the problem named, nothing changed).
import { useId, useState } from 'react';
import type { Event } from '../../shared/model/claims.ts';
import { formatBytes } from '../../shared/limits.ts';
import type { Source } from '../../shared/model/source.ts';
import { useClient } from '../components/context.ts';
import { Dialog, FormActions } from '../components/Dialog.tsx';
import { messageOf } from '../import/useImporter.ts';
import { plural, sourceTitle } from '../lib/format.ts';
import { downloadBytes, mergeSummary, readBundleFile } from './bundleFile.ts';
import './bundles.css';

export function BundleActions(props: { caseId: string; sources: Source[]; events: Event[]; onMerged: () => void }) {
  const [exporting, setExporting] = useState(false);
  const [merge, setMerge] = useState<{ file: string; status: 'running' | 'done' | 'error'; message: string; notes?: string[] } | null>(null);
  const client = useClient();

  const mergeFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setMerge({ file: file.name, status: 'running', message: `Checking and merging “${file.name}”…` });
    try {
      const data = await readBundleFile(file);
      const r = await client.call('bundles.import', { data, caseId: props.caseId });
      setMerge({ file: file.name, status: 'done', message: r.merge ? mergeSummary(r.merge) : 'Merged.', notes: r.notes ?? [] });
      props.onMerged();
    } catch (e) {
      setMerge({ file: file.name, status: 'error', message: messageOf(e) });
    }
  };

  return (
    <div className="bundle-actions" role="group" aria-label="Bundle">
      <button type="button" className="btn btn-small btn-ghost" onClick={() => setExporting(true)}>
        <span>
          Export
          <span className="topbar-long"> bundle</span>…
        </span>
      </button>
      <label className="btn btn-small btn-ghost file-btn">
        <input type="file" accept=".zip,application/zip" className="visually-hidden-input" onChange={(e) => void mergeFile(e.currentTarget)} />
        <span>
          Merge
          <span className="topbar-long"> bundle</span>…
        </span>
      </label>
      {exporting ? <ExportDialog caseId={props.caseId} sources={props.sources} events={props.events} onClose={() => setExporting(false)} /> : null}
      {merge ? (
        <Dialog
          title="Merge bundle"
          subtitle={merge.file}
          onClose={() => merge.status !== 'running' && setMerge(null)}
          footer={
            <button type="button" className="btn btn-primary" disabled={merge.status === 'running'} onClick={() => setMerge(null)} autoFocus>
              Close
            </button>
          }
        >
          {merge.status === 'error' ? (
            <p role="alert" className="notice notice-error">
              {merge.message}
            </p>
          ) : (
            <p role="status" className={merge.status === 'done' ? 'notice bundle-ok' : 'muted'}>
              {merge.message}
            </p>
          )}
          {merge.status === 'done' && merge.notes?.length ? (
            <ul className="notice notice-warn" aria-label="Left out of the merge">
              {merge.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
          {merge.status === 'done' ? (
            <p className="hint">
              Where both this case and the bundle changed the same record, both versions are kept and the clash is listed for you to settle. Undo takes the
              whole merge back.
            </p>
          ) : null}
        </Dialog>
      ) : null}
    </div>
  );
}

type Scope = 'case' | 'events' | 'sources';

function ExportDialog(props: { caseId: string; sources: Source[]; events: Event[]; onClose: () => void }) {
  const client = useClient();
  const [scope, setScope] = useState<Scope>('case');
  const [events, setEvents] = useState<Set<string>>(new Set());
  const [sources, setSources] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const radio = useId();

  const toggle = (set: Set<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };

  const submit = async () => {
    if (scope === 'events' && events.size === 0) return setError('Choose at least one event.');
    if (scope === 'sources' && sources.size === 0) return setError('Choose at least one source.');
    setError(null);
    setBusy(true);
    try {
      const r = await client.call('bundles.export', {
        caseId: props.caseId,
        ...(scope === 'events' ? { eventIds: [...events] } : {}),
        ...(scope === 'sources' ? { sourceIds: [...sources] } : {}),
      });
      downloadBytes(r.name, r.data);
      setDone(`Saved “${r.name}” (${formatBytes(r.data.byteLength)}) to your downloads.`);
    } catch (e) {
      setError(`The bundle could not be made: ${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      wide
      title="Export bundle"
      subtitle="One .zip a colleague can open, verify and merge: texts, originals, claims, decisions, reconciliations, a W3C annotation file, spreadsheets and a printable report."
      onClose={props.onClose}
      onSubmit={() => void submit()}
      footer={
        <FormActions error={error} busy={busy} onCancel={props.onClose} cancelLabel={done ? 'Close' : 'Cancel'} submitLabel={busy ? 'Exporting…' : 'Export'} />
      }
    >
      <fieldset className="bundle-scope">
        <legend className="field-label">What to export</legend>
        <label className="check">
          <input type="radio" name={radio} checked={scope === 'case'} onChange={() => setScope('case')} />
          The whole case ({plural(props.sources.length, 'source')}, {plural(props.events.length, 'event')})
        </label>
        <label className="check">
          <input type="radio" name={radio} checked={scope === 'events'} onChange={() => setScope('events')} disabled={props.events.length === 0} />
          Chosen events, with their claims and sources
        </label>
        <label className="check">
          <input type="radio" name={radio} checked={scope === 'sources'} onChange={() => setScope('sources')} disabled={props.sources.length === 0} />
          Chosen sources, with their claims
        </label>
      </fieldset>
      {scope === 'events' ? (
        <fieldset className="bundle-pick">
          <legend className="field-label">Events</legend>
          {props.events.map((e) => (
            <label key={e.id} className="check">
              <input type="checkbox" checked={events.has(e.id)} onChange={(ev) => setEvents((s) => toggle(s, e.id, ev.target.checked))} />
              {e.title}
            </label>
          ))}
        </fieldset>
      ) : null}
      {scope === 'sources' ? (
        <fieldset className="bundle-pick">
          <legend className="field-label">Sources</legend>
          {props.sources.map((s) => (
            <label key={s.id} className="check">
              <input type="checkbox" checked={sources.has(s.id)} onChange={(ev) => setSources((set) => toggle(set, s.id, ev.target.checked))} />
              {sourceTitle(s)}
            </label>
          ))}
        </fieldset>
      ) : null}
      {done ? (
        <p role="status" className="notice bundle-ok">
          {done}
        </p>
      ) : null}
    </Dialog>
  );
}
