// "Import bundle as new case…" on the start screen: the bundle is verified by the core (hashes,
// schemas, paths, size) and becomes a case of its own, which then opens; when the core left
// something out (originals no source refers to), a dialog says what before the case opens.
import { useState } from 'react';
import { useClient } from '../components/context.ts';
import { Dialog } from '../components/Dialog.tsx';
import { messageOf } from '../import/useImporter.ts';
import { readBundleFile } from './bundleFile.ts';

export function ImportBundleButton(props: { disabled?: boolean; onImported: (caseId: string) => void; onError: (message: string | null) => void }) {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [left, setLeft] = useState<{ caseId: string; file: string; notes: string[] } | null>(null);
  const take = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    props.onError(null);
    setBusy(true);
    try {
      const data = await readBundleFile(file);
      const r = await client.call('bundles.import', { data });
      if (r.notes?.length) setLeft({ caseId: r.case.id, file: file.name, notes: r.notes });
      else props.onImported(r.case.id);
    } catch (e) {
      props.onError(`“${file.name}” could not be imported: ${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };
  if (left) {
    const open = () => {
      setLeft(null);
      props.onImported(left.caseId);
    };
    return (
      <Dialog
        title="Bundle imported"
        subtitle={left.file}
        onClose={open}
        footer={
          <button type="button" className="btn btn-primary" onClick={open} autoFocus>
            Open the case
          </button>
        }
      >
        <p role="status">The case was imported. Left out of it:</p>
        <ul className="notice notice-warn" aria-label="Left out of the import">
          {left.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </Dialog>
    );
  }
  return (
    <label className={`btn btn-block file-btn${busy || props.disabled ? ' is-disabled' : ''}`} aria-busy={busy || undefined}>
      <input
        type="file"
        accept=".zip,application/zip"
        className="visually-hidden-input"
        disabled={busy || props.disabled}
        onChange={(e) => void take(e.currentTarget)}
      />
      {busy ? 'Importing the bundle…' : 'Import bundle as new case…'}
    </label>
  );
}
