// "Import bundle as new case…" on the start screen: the bundle is verified by the core (hashes,
// schemas, paths, size) and becomes a case of its own, which then opens.
import { useState } from 'react';
import { useClient } from '../components/context.ts';
import { messageOf } from '../import/useImporter.ts';
import { readBundleFile } from './bundleFile.ts';

export function ImportBundleButton(props: { disabled?: boolean; onImported: (caseId: string) => void; onError: (message: string | null) => void }) {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const take = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    props.onError(null);
    setBusy(true);
    try {
      const data = await readBundleFile(file);
      const r = await client.call('bundles.import', { data });
      props.onImported(r.case.id);
    } catch (e) {
      props.onError(`“${file.name}” could not be imported: ${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };
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
