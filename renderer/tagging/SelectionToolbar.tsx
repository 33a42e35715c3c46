// The small toolbar by a text selection: one button per claim kind (with its single-key
// shortcut), "Add passage" to collect several passages into one annotation, or — while a claim's
// passage is being changed — "Use as new passage".
import type { MouseEvent } from 'react';
import { TAG_KINDS, type TagKind } from '../lib/claimText.ts';
import type { Retargeting, Selected } from './useTagging.ts';

const keep = (e: MouseEvent) => e.preventDefault(); // a click here must not clear the selection

export function SelectionToolbar(props: {
  selection: Selected | null;
  collected: number;
  retargeting: Retargeting | null;
  onKind: (k: TagKind) => void;
  onAddPassage: () => void;
  onClearPassages: () => void;
  onConfirmRetarget: () => void;
}) {
  const sel = props.selection;
  if (!sel) return null;
  const width = 470;
  const left = Math.max(8, Math.min(window.innerWidth - width - 8, sel.rect.left));
  const below = sel.rect.bottom + 8;
  const top = below + 44 > window.innerHeight ? Math.max(8, sel.rect.top - 46) : below;
  const passages = props.collected + sel.targets.length;
  return (
    <div role="toolbar" aria-label="Tag selection" className="sel-toolbar" style={{ top, left }} onMouseDown={keep}>
      {props.retargeting ? (
        <button type="button" className="btn btn-small btn-primary" onClick={props.onConfirmRetarget}>
          Use as new passage
        </button>
      ) : (
        <>
          {TAG_KINDS.map((t) => (
            <button
              key={t.kind}
              type="button"
              className={`sel-kind sel-${t.kind}`}
              aria-keyshortcuts={t.key}
              title={`Tag as ${t.label.toLowerCase()} (${t.key})`}
              onClick={() => props.onKind(t.kind)}
            >
              {t.label} <kbd>({t.key})</kbd>
            </button>
          ))}
          <span className="sel-sep" aria-hidden="true" />
          <button
            type="button"
            className="sel-kind"
            title="Collect this passage; select another and choose a kind to make one claim of all (+)"
            onClick={props.onAddPassage}
          >
            Add passage
          </button>
          {props.collected ? (
            <button type="button" className="sel-kind" onClick={props.onClearPassages} title="Forget the collected passages">
              Clear {props.collected}
            </button>
          ) : null}
          {passages > 1 ? <span className="sel-count">{passages} passages</span> : null}
        </>
      )}
    </div>
  );
}
