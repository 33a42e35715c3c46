// An HTML source whose import left out more than a small share of the page says so above its text,
// with a way to see what was left out, passage by passage, and to put chosen passages back (a new
// version of the text: nothing already there changes, annotations re-anchor).
import { useEffect, useId, useState } from 'react';
import type { Output } from '../../shared/api.ts';
import type { Source } from '../../shared/model/source.ts';
import { messageOf } from '../import/useImporter.ts';
import { useClient } from './context.ts';
import { Dialog, FormActions } from './Dialog.tsx';

export type Restored = Output<'sources.restoreLeftOut'>;

const LEFT_OUT = /^(About \d+% of the page's text was left out as site furniture)/;

export function LeftOutNotice(props: { caseId: string; source: Source; label: string; onRestored: (r: Restored) => void }) {
  const [open, setOpen] = useState(false);
  const warning = props.source.kind === 'html' ? props.source.warnings.map((w) => LEFT_OUT.exec(w)?.[1]).find(Boolean) : undefined;
  if (!warning) return null;
  return (
    <div className="notice notice-warn left-out-notice" role="status">
      <span>{warning}: </span>
      <button type="button" className="btn btn-small" aria-label={`Show what was left out of ${props.label}`} onClick={() => setOpen(true)}>
        Show what was left out
      </button>
      {open ? <LeftOutDialog {...props} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}

function LeftOutDialog(props: { caseId: string; source: Source; label: string; onRestored: (r: Restored) => void; onClose: () => void }) {
  const client = useClient();
  const listId = useId();
  const [left, setLeft] = useState<Output<'sources.leftOut'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    client.call('sources.leftOut', { caseId: props.caseId, sourceId: props.source.id }).then(
      (r) => live && setLeft(r),
      (e) => live && setError(`What was left out could not be read: ${messageOf(e)}`),
    );
    return () => {
      live = false;
    };
  }, [client, props.caseId, props.source.id]);

  const restore = async () => {
    if (!chosen.size) {
      setError('Tick the passages to put back first.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await client.call('sources.restoreLeftOut', { caseId: props.caseId, sourceId: props.source.id, passages: [...chosen] });
      props.onRestored(r);
      props.onClose();
    } catch (e) {
      setError(`The passages could not be put back: ${messageOf(e)}`);
      setBusy(false);
    }
  };

  const open = left?.passages.map((p, i) => ({ ...p, i })).filter((p) => !p.restored) ?? [];
  return (
    <Dialog
      title="What was left out"
      subtitle={left ? `${Math.round(left.share * 100)}% of the page's visible text of ${props.label} is not in the source's text.` : undefined}
      onClose={props.onClose}
      onSubmit={() => void restore()}
      wide
      footer={<FormActions submitLabel="Put back the ticked passages" busy={busy || !left} onCancel={props.onClose} cancelLabel="Close" error={error} />}
    >
      {!left && !error ? <p className="muted">Reading the page again…</p> : null}
      {left && !open.length ? <p>Nothing is left out any more: every passage of the page is in the text.</p> : null}
      {open.length ? (
        <>
          <p className="muted">Each passage goes back where the page has it. Nothing already in the text changes, and annotations stay on their words.</p>
          <ul id={listId} className="left-out-list" aria-label="Passages left out">
            {open.map((p) => (
              <li key={p.i}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(p.i)}
                    onChange={(e) =>
                      setChosen((prev) => {
                        const next = new Set(prev);
                        if (e.target.checked) next.add(p.i);
                        else next.delete(p.i);
                        return next;
                      })
                    }
                  />{' '}
                  {p.text}
                </label>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Dialog>
  );
}
