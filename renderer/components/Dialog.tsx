// A modal dialog on the native <dialog>: the browser traps focus, marks the rest inert and maps
// Escape to "cancel"; we return focus to whatever opened it. It is drawn at the end of the body
// (a portal) wherever it is opened from, so its header and footer are never landmarks nested in
// the top bar's banner or a side panel (axe: landmark-no-duplicate-banner, landmark-banner-is-top-level).
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export function Dialog(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons row. */
  footer?: ReactNode;
  wide?: boolean;
  /** Shown under the title. */
  subtitle?: ReactNode;
  onSubmit?: () => void;
  role?: 'dialog' | 'alertdialog';
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!d.open) d.showModal();
    const onCancel = (e: Event) => {
      e.preventDefault();
      onClose.current();
    };
    d.addEventListener('cancel', onCancel);
    return () => {
      d.removeEventListener('cancel', onCancel);
      if (d.open) d.close();
      if (opener && opener.isConnected) opener.focus();
    };
  }, []);

  const body = (
    <>
      <header className="dialog-head">
        <h2 id={titleId}>{props.title}</h2>
        {props.subtitle ? <div className="dialog-sub">{props.subtitle}</div> : null}
      </header>
      <div className="dialog-body">{props.children}</div>
      {props.footer ? <footer className="dialog-foot">{props.footer}</footer> : null}
    </>
  );

  return createPortal(
    <dialog ref={ref} className={props.wide ? 'dialog dialog-wide' : 'dialog'} aria-labelledby={titleId} aria-modal="true" role={props.role}>
      {props.onSubmit ? (
        <form
          method="dialog"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            props.onSubmit?.();
          }}
        >
          {body}
        </form>
      ) : (
        body
      )}
    </dialog>,
    document.body,
  );
}

export function ConfirmDialog(props: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog
      title={props.title}
      onClose={props.onCancel}
      role="alertdialog"
      footer={
        <>
          <button type="button" className="btn" onClick={props.onCancel} autoFocus>
            Cancel
          </button>
          <button type="button" className={props.danger ? 'btn btn-danger' : 'btn btn-primary'} onClick={props.onConfirm} disabled={props.busy}>
            {props.confirmLabel}
          </button>
        </>
      }
    >
      {props.children}
      {props.error ? (
        <p role="alert" className="error-text">
          {props.error}
        </p>
      ) : null}
    </Dialog>
  );
}

/** The footer of a form dialog: the save error (if any), Cancel, and the submit button. */
export function FormActions(props: { submitLabel: ReactNode; busy: boolean; onCancel: () => void; cancelLabel?: string; error?: string | null }) {
  return (
    <>
      {props.error ? (
        <p role="alert" className="field-error foot-error">
          {props.error}
        </p>
      ) : null}
      <button type="button" className="btn" onClick={props.onCancel}>
        {props.cancelLabel ?? 'Cancel'}
      </button>
      <button type="submit" className="btn btn-primary" disabled={props.busy}>
        {props.submitLabel}
      </button>
    </>
  );
}
