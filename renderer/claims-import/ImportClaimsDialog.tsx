// Import claims… : a claims sheet (claims.csv's columns, or an analyst's spreadsheet saved as CSV)
// read, previewed and imported. The preview is the same plan the CLI runs (shared/claims-sheet):
// what will be imported, each refused row with its line and reason, events that will be created and
// quotes matched only approximately. Import runs the planned commands as one batch: one Undo.
import { useId, useState } from 'react';
import type { Command } from '../../shared/model/commands.ts';
import type { Source } from '../../shared/model/source.ts';
import { importClaimsSheet, type ImportOutcome, SheetError } from '../../shared/exchange/claims-sheet/run.ts';
import { Dialog, FormActions } from '../components/Dialog.tsx';
import { useClient } from '../components/context.ts';
import { newId, nowIso } from '../lib/ids.ts';
import './claims-import.css';

const MAX_SHEET_BYTES = 100 * 1024 * 1024;
const MAX_LISTED = 200;

export function ImportClaimsDialog(props: {
  caseId: string;
  sources: Source[];
  execute: (c: Command, label: string) => Promise<boolean>;
  onClose: () => void;
}) {
  const client = useClient();
  const fileId = useId();
  const [name, setName] = useState<string | null>(null);
  const [plan, setPlan] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const read = async (file: File | undefined) => {
    setPlan(null);
    setError(null);
    if (!file) return;
    setName(file.name);
    if (file.size > MAX_SHEET_BYTES) return setError(`${file.name} is too large to read (sheets up to 100 MB).`);
    setBusy(true);
    try {
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
      } catch {
        return setError(`${file.name} is not UTF-8 text. Save the sheet as “CSV UTF-8” and choose it again.`);
      }
      setPlan(await importClaimsSheet(client, props.caseId, text, { newId, now: nowIso(), preview: true, sources: props.sources }));
    } catch (e) {
      setError(e instanceof SheetError ? `${file.name}: ${e.message}` : `The sheet could not be read: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    if (!plan) return setError('Choose a sheet first.');
    if (plan.commands.length === 0) return setError('No row of this sheet can be imported; see the reasons below.');
    setBusy(true);
    const n = plan.claims.length;
    const ok = await props.execute({ type: 'batch', payload: { commands: plan.commands } }, `Import ${n} claim${n === 1 ? '' : 's'} from ${name ?? 'a sheet'}`);
    setBusy(false);
    if (ok) props.onClose();
    else setError('The claims could not be imported; see the message at the top. Nothing was changed.');
  };

  const fuzzy = plan?.claims.filter((c) => c.anchor === 'fuzzy') ?? [];
  return (
    <Dialog
      wide
      title="Import claims"
      subtitle="A sheet in claims.csv’s columns: at least source, quote and kind; figures also measure and low / best / high or figure_as_written."
      onClose={props.onClose}
      onSubmit={() => void submit()}
      footer={
        <FormActions
          error={error}
          busy={busy}
          onCancel={props.onClose}
          submitLabel={plan && plan.claims.length ? `Import ${plan.claims.length} claim${plan.claims.length === 1 ? '' : 's'}` : 'Import'}
        />
      }
    >
      <label htmlFor={fileId} className="field-label">
        Claims sheet (CSV)
      </label>
      <input id={fileId} type="file" accept=".csv,text/csv" onChange={(e) => void read(e.target.files?.[0])} />
      {busy && !plan ? <p className="hint">Reading the sheet…</p> : null}
      {plan ? (
        <section className="ci-preview" aria-label="Preview" aria-live="polite">
          <p>
            <strong>{plan.claims.length}</strong> {plan.claims.length === 1 ? 'row' : 'rows'} will be imported
            {plan.events.length
              ? `, with ${plan.events.length} new event${plan.events.length === 1 ? '' : 's'} (${plan.events.map((e) => e.title).join(', ')})`
              : ''}
            ; <strong>{plan.errors.length}</strong> {plan.errors.length === 1 ? 'row is' : 'rows are'} refused and will not be imported.
          </p>
          {plan.errors.length ? (
            <>
              <h3 className="field-label">Refused</h3>
              <ul className="ci-refused" aria-label="Refused rows">
                {plan.errors.slice(0, MAX_LISTED).map((e) => (
                  <li key={`${e.line}-${e.message}`}>
                    <span className="ci-line">Line {e.line}</span> {e.message}
                  </li>
                ))}
              </ul>
              {plan.errors.length > MAX_LISTED ? <p className="hint">…and {plan.errors.length - MAX_LISTED} more.</p> : null}
            </>
          ) : null}
          {fuzzy.length ? (
            <>
              <h3 className="field-label">Quotes matched approximately</h3>
              <ul className="ci-fuzzy" aria-label="Quotes matched approximately">
                {fuzzy.slice(0, MAX_LISTED).map((c) => (
                  <li key={c.line}>
                    <span className="ci-line">Line {c.line}</span> matched with a score of {c.score}: check the passage in the Reader after importing.
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </Dialog>
  );
}
