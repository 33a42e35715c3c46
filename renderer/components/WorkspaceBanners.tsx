// The banners under the top bar: parts of the case that could not be read, unreadable records, errors and notices.
import { useEffect, useRef, useState } from 'react';

/** How long a notice (not an error or a warning) stays unless the pointer or the focus is on it. */
const NOTICE_MS = 10_000;

export function WorkspaceBanners(props: {
  warnings: string[];
  onDismissWarnings: () => void;
  /** Records of the claims file that could not be read. */
  problems: string[];
  problemsDismissed: boolean;
  onDismissProblems: () => void;
  /** The error to show, or null for none. */
  error: string | null;
  onDismissError: () => void;
  notice: string | null;
  onDismissNotice: () => void;
}) {
  const { warnings, problems, notice } = props;
  const dismiss = useRef(props.onDismissNotice);
  dismiss.current = props.onDismissNotice;
  // A notice says what just happened; it closes by itself so it does not linger over later work.
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!notice || held) return;
    const t = window.setTimeout(() => dismiss.current(), NOTICE_MS);
    return () => window.clearTimeout(t);
  }, [notice, held]);
  return (
    <>
      {warnings.length ? (
        <div role="alert" className="banner banner-warn">
          <div>
            <strong>Parts of this case could not be read.</strong>
            <ul>
              {warnings.slice(0, 5).map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
            {warnings.length > 5 ? <span>…and {warnings.length - 5} more.</span> : null}
          </div>
          <button type="button" className="btn btn-small" onClick={props.onDismissWarnings}>
            Dismiss
          </button>
        </div>
      ) : null}
      {problems.length && !props.problemsDismissed ? (
        <div role="alert" className="banner banner-warn">
          <div>
            <strong>{problems.length === 1 ? '1 record could not be read' : `${problems.length} records could not be read`}; it is kept in the file.</strong>
            <ul>
              {problems.slice(0, 5).map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          </div>
          <button type="button" className="btn btn-small" onClick={props.onDismissProblems}>
            Dismiss
          </button>
        </div>
      ) : null}
      {props.error !== null ? (
        <div role="alert" className="banner banner-error">
          <span>{props.error}</span>
          <button type="button" className="btn btn-small btn-ghost" onClick={props.onDismissError}>
            Dismiss
          </button>
        </div>
      ) : null}
      {props.notice ? (
        <div
          role="status"
          className="banner banner-info"
          onPointerEnter={() => setHeld(true)}
          onPointerLeave={() => setHeld(false)}
          onFocus={() => setHeld(true)}
          onBlur={() => setHeld(false)}
        >
          <span>{props.notice}</span>
          <button type="button" className="btn btn-small btn-ghost" onClick={props.onDismissNotice}>
            Dismiss
          </button>
        </div>
      ) : null}
    </>
  );
}
