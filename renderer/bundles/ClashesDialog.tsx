// "Clashes (N)" in the top bar while the open case has merge clashes to settle, and the dialog that
// settles them: per clash, what record it is, where it came from, the fields where the two versions
// differ side by side, and the choice. A merge keeps the later edit in use and sets the other aside,
// so the columns say which version the case uses now, not which side it came from (the core does
// not record that, and "the bundle's version" would be wrong whenever the bundle's edit was later).
import { useRef, useState } from 'react';
import type { Clash } from '../../shared/exchange/bundle.ts';
import { Dialog } from '../components/Dialog.tsx';
import { CLASH_TYPE_NAME, clashDiff, clashLabel, clashOrigin, type ClashContext } from './clashText.ts';
import type { ClashesStore } from './useClashes.ts';
import './bundles.css';

export function ClashesButton(props: { store: ClashesStore; context: ClashContext; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const count = props.store.unresolved.length;
  if (!count && !open) return null;
  return (
    <>
      <button type="button" className="btn btn-small clash-btn" aria-label={`Clashes (${count})`} onClick={() => setOpen(true)}>
        Clashes <span className="count count-clash">{count}</span>
      </button>
      {open ? <ClashesDialog store={props.store} context={props.context} onChanged={props.onChanged} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

export function ClashesDialog(props: { store: ClashesStore; context: ClashContext; onChanged: () => void; onClose: () => void }) {
  const { store } = props;
  const [showResolved, setShowResolved] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const resolved = store.clashes.filter((c) => c.resolved);

  const settle = async (c: Clash, label: string, keep: 'current' | 'other') => {
    const ok = await store.resolve(c.id, keep);
    if (!ok) return;
    if (keep === 'other') props.onChanged();
    setDone(keep === 'other' ? `Now using the set-aside version of ${label}.` : `Kept the version in use of ${label}.`);
    // The settled item leaves the list: focus moves to the next choice rather than to nowhere.
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>('button.clash-keep')?.focus());
  };

  return (
    <Dialog
      wide
      title="Merge clashes"
      subtitle="A record changed both here and in a merged bundle. Both versions are kept: the case uses the later edit, the other is set aside until you choose."
      onClose={props.onClose}
      footer={
        <button type="button" className="btn btn-primary" onClick={props.onClose}>
          Close
        </button>
      }
    >
      {store.error ? (
        <p role="alert" className="notice notice-error">
          {store.error}
        </p>
      ) : null}
      <p role="status" className={done ? 'notice bundle-ok' : 'sr-only'}>
        {done ?? ''}
      </p>
      <div ref={list} className="clash-list">
        {store.unresolved.length === 0 ? <p className="muted">No clashes left to settle.</p> : null}
        {store.unresolved.map((c) => (
          <ClashItem key={c.id} clash={c} context={props.context} busy={store.busy !== null} onSettle={(label, keep) => void settle(c, label, keep)} />
        ))}
      </div>
      {resolved.length ? (
        <label className="check clash-toggle">
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} />
          Show resolved ({resolved.length})
        </label>
      ) : null}
      {showResolved && resolved.length ? (
        <div className="clash-list clash-resolved" role="group" aria-label="Resolved clashes">
          {resolved.map((c) => (
            <ClashItem key={c.id} clash={c} context={props.context} busy />
          ))}
        </div>
      ) : null}
    </Dialog>
  );
}

function ClashItem(props: { clash: Clash; context: ClashContext; busy: boolean; onSettle?: (label: string, keep: 'current' | 'other') => void }) {
  const c = props.clash;
  const label = clashLabel(c, props.context);
  const diff = clashDiff(c.current, c.other);
  const headingId = `clash-h-${c.id}`;
  return (
    <article className="clash-item" aria-labelledby={headingId}>
      <h3 id={headingId} className="clash-title">
        <span className="clash-type">{CLASH_TYPE_NAME[c.type]}</span> {label}
        {c.resolved ? <span className="muted"> · settled</span> : null}
      </h3>
      <p className="hint clash-from">{clashOrigin(c)}</p>
      {diff.length ? (
        <table className="clash-diff">
          <caption className="sr-only">Fields that differ in {label}</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">{c.resolved ? 'Kept' : 'In use now'}</th>
              <th scope="col">{c.resolved ? 'The other version' : 'Set aside'}</th>
            </tr>
          </thead>
          <tbody>
            {diff.map((d) => (
              <tr key={d.field}>
                <th scope="row">
                  <code>{d.field}</code>
                </th>
                <td>{d.current}</td>
                <td>{d.other}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">The two versions hold the same values.</p>
      )}
      {props.onSettle && !c.resolved ? (
        <div className="clash-actions">
          <button
            type="button"
            className="btn btn-small clash-keep"
            disabled={props.busy}
            aria-label={`Keep the version in use of ${label}`}
            onClick={() => props.onSettle?.(label, 'current')}
          >
            Keep the version in use
          </button>
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={props.busy}
            aria-label={`Use the set-aside version of ${label}`}
            onClick={() => props.onSettle?.(label, 'other')}
          >
            Use the set-aside version
          </button>
        </div>
      ) : null}
    </article>
  );
}
