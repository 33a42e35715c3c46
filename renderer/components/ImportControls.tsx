// "Import files…", "Import folder…", "Paste text…", and the progress and results of an import.
import { useEffect, useRef } from 'react';
import { IMPORTABLE_EXTENSIONS } from '../../shared/limits.ts';
import type { ImportJob, ImportNote } from '../import/useImporter.ts';
import { plural } from '../lib/format.ts';

const ACCEPT = IMPORTABLE_EXTENSIONS.map((e) => `.${e}`).join(',');
const LIST_LIMIT = 100;

export function ImportControls(props: { onFiles: (files: File[]) => void; onPaste: () => void; busy: boolean }) {
  const folderRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Not in React's attribute types; the attribute is what browsers read.
    folderRef.current?.setAttribute('webkitdirectory', '');
  }, []);
  const take = (input: HTMLInputElement) => {
    const files = Array.from(input.files ?? []);
    input.value = '';
    if (files.length) props.onFiles(files);
  };
  return (
    <div className="import-controls" role="group" aria-label="Import">
      {/* The file input is the labelled control; the label looks like a button and opens it. */}
      <label className="btn file-btn">
        <input type="file" multiple accept={ACCEPT} className="visually-hidden-input" onChange={(e) => take(e.currentTarget)} />
        Import files…
      </label>
      <label className="btn file-btn">
        <input ref={folderRef} type="file" multiple className="visually-hidden-input" onChange={(e) => take(e.currentTarget)} />
        Import folder…
      </label>
      <button type="button" className="btn" onClick={props.onPaste}>
        Paste text…
      </button>
    </div>
  );
}

export function ImportStatus(props: { job: ImportJob; onCancel: () => void; onDismiss: () => void }) {
  const { job } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const wasRunning = useRef(job.running);
  useEffect(() => {
    // Moving focus to the summary tells keyboard and screen reader users the import finished.
    if (wasRunning.current && !job.running && headingRef.current) headingRef.current.focus();
    wasRunning.current = job.running;
  }, [job.running]);

  if (job.running) {
    const n = Math.min(job.done + 1, job.total);
    return (
      <section className="import-status" aria-label="Import progress">
        <div className="import-progress-row">
          <p className="import-line" aria-live="polite">
            Importing {n.toLocaleString('en')} of {job.total.toLocaleString('en')}: <span className="file-name">{job.current ?? '…'}</span>
          </p>
          {job.page && job.page.total > 1 ? (
            <span className="small muted import-pages">
              page {job.page.done.toLocaleString('en')} of {job.page.total.toLocaleString('en')}
            </span>
          ) : null}
          <button type="button" className="btn btn-small" onClick={props.onCancel}>
            Cancel import
          </button>
        </div>
        <div
          className="progress"
          role="progressbar"
          aria-label="Import progress"
          aria-valuemin={0}
          aria-valuemax={job.total}
          aria-valuenow={job.done}
          aria-valuetext={`${job.done} of ${job.total} files done`}
        >
          <div className="progress-fill" style={{ width: `${job.total ? (100 * job.done) / job.total : 0}%` }} />
        </div>
        <p className="small muted">
          {plural(job.imported, 'imported', 'imported')}
          {job.duplicates.length ? ` · ${job.duplicates.length} already in this case` : ''}
          {job.failures.length ? ` · ${plural(job.failures.length, 'failure')}` : ''}
        </p>
      </section>
    );
  }

  const notImported = job.total - job.done;
  const hasProblems = job.failures.length > 0;
  return (
    <section className={`import-status ${hasProblems ? 'has-problems' : ''}`} aria-labelledby="import-summary-title" role={hasProblems ? 'alert' : 'status'}>
      <div className="import-progress-row">
        <h2 id="import-summary-title" className="import-title" tabIndex={-1} ref={headingRef}>
          {job.cancelled ? 'Import cancelled' : 'Import finished'}: {plural(job.imported, 'source')} imported
          {job.duplicates.length ? `, ${job.duplicates.length} already in this case` : ''}
          {job.failures.length ? `, ${plural(job.failures.length, 'file')} failed` : ''}
          {job.skipped ? `, ${plural(job.skipped, 'file')} skipped` : ''}
        </h2>
        <button type="button" className="btn btn-small" onClick={props.onDismiss}>
          Dismiss
        </button>
      </div>
      {job.cancelled && notImported > 0 ? <p className="small">{plural(notImported, 'file was', 'files were')} not imported because you cancelled.</p> : null}
      {job.skipped ? (
        <p className="small">
          {plural(job.skipped, 'file was', 'files were')} skipped{skippedList(job.skippedNames, job.skipped)}: only{' '}
          {IMPORTABLE_EXTENSIONS.map((e) => `.${e}`).join(', ')} files can be imported. Save them as one of these (or as PDF) and import them again.
        </p>
      ) : null}
      {job.failures.length ? <NoteList title="Could not be imported" notes={job.failures} kind="failure" /> : null}
      {job.duplicates.length ? <NoteList title="Already in this case" notes={job.duplicates} kind="duplicate" /> : null}
    </section>
  );
}

function NoteList(props: { title: string; notes: ImportNote[]; kind: 'failure' | 'duplicate' }) {
  return (
    <div className={`note-list note-${props.kind}`}>
      <h3>{props.title}</h3>
      <ul>
        {props.notes.slice(0, LIST_LIMIT).map((n, i) => (
          <li key={i}>
            <span className="file-name">{n.name}</span>: {n.message}
          </li>
        ))}
      </ul>
      {props.notes.length > LIST_LIMIT ? <p className="small muted">…and {props.notes.length - LIST_LIMIT} more.</p> : null}
    </div>
  );
}

/** " (notes.docx, photo.jpg and 3 more)": the skipped files by name, the first few. */
function skippedList(names: string[], count: number): string {
  if (names.length === 0) return '';
  const shown = names.slice(0, 5);
  const more = count - shown.length;
  return ` (${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''})`;
}
