// The short confirmation after an undo or redo ("Undone: correct date of Northern Courier"): a
// status message read out by screen readers, which fades after a few seconds or on Dismiss.
import { useEffect, useState } from 'react';
import './undo-toast.css';

const SHOWN_MS = 4000;

export function UndoToast(props: { step: { text: string; at: number } | null }) {
  const { step } = props;
  const [shown, setShown] = useState<number | null>(null);
  useEffect(() => {
    if (!step) return;
    setShown(step.at);
    const t = setTimeout(() => setShown((s) => (s === step.at ? null : s)), SHOWN_MS);
    return () => clearTimeout(t);
  }, [step]);
  const visible = !!step && shown === step.at;
  return (
    <div className={`undo-toast${visible ? ' undo-toast-shown' : ''}`} role="status" aria-live="polite">
      {visible ? (
        <>
          <span>{step.text}</span>
          <button type="button" className="btn btn-small btn-ghost btn-icon" aria-label="Dismiss" onClick={() => setShown(null)}>
            ×
          </button>
        </>
      ) : null}
    </div>
  );
}
