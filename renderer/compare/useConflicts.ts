// The case's matrices and grades as the core computes them, recomputed whenever the claims view
// changes (every edit, undo, decision or reconciliation answers with a new view) or the sources do
// (an independence group changed regroups the columns). Answers that arrive out of order are dropped.
import { useEffect, useRef, useState } from 'react';
import type { Client, ClaimsView, Output } from '../../shared/api.ts';
import type { Source } from '../../shared/model/source.ts';
import { messageOf } from '../import/useImporter.ts';

export type Conflicts = Output<'conflicts.compute'>;
export type GradeInfo = Conflicts['grades'][number];

export function useConflicts(client: Client, caseId: string, view: ClaimsView | null, sources: Source[]) {
  const [data, setData] = useState<Conflicts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    if (!view) return;
    const n = ++seq.current;
    client.call('conflicts.compute', { caseId }).then(
      (r) => {
        if (n !== seq.current) return;
        setData(r);
        setError(null);
      },
      (e: unknown) => {
        if (n !== seq.current) return;
        setError(`The disagreements could not be computed: ${messageOf(e)}`);
      },
    );
  }, [client, caseId, view, sources]);

  return { data, error };
}
