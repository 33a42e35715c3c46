// A list the core sends a page at a time (the disagreements, the timeline): the first page, then
// the next ones as the user asks for them. When the claims version moves (an edit, an undo, another
// window's change), the pages shown are read again at once, so nothing shown is stale and the user
// keeps their place. Answers that arrive out of order are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../import/useImporter.ts';

export interface Paged<P, T> {
  /** The first page's reply (its totals), null until read. */
  first: P | null;
  items: T[];
  total: number;
  /** Reads the next page and adds it. */
  more(): void;
  loading: boolean;
  error: string | null;
}

export function usePaged<P extends { total: number }, T>(
  read: (offset: number, limit: number) => Promise<P>,
  itemsOf: (p: P) => T[],
  version: number | null,
  pageSize: number,
): Paged<P, T> {
  const [state, setState] = useState<{ first: P | null; items: T[]; total: number }>({ first: null, items: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const shown = useRef(0);
  shown.current = state.items.length;
  const readRef = useRef(read);
  readRef.current = read;
  const itemsRef = useRef(itemsOf);
  itemsRef.current = itemsOf;

  const run = useCallback((job: () => Promise<(s: { first: P | null; items: T[]; total: number }) => typeof s>) => {
    const n = ++seq.current;
    setLoading(true);
    job().then(
      (apply) => {
        if (n !== seq.current) return;
        setState(apply);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (n !== seq.current) return;
        setError(`This list could not be read: ${messageOf(e)}`);
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    if (version === null) return;
    run(async () => {
      const p = await readRef.current(0, Math.max(pageSize, shown.current));
      return () => ({ first: p, items: itemsRef.current(p), total: p.total });
    });
  }, [version, pageSize, run]);

  const more = useCallback(() => {
    run(async () => {
      const from = shown.current;
      const p = await readRef.current(from, pageSize);
      return (s) => ({ ...s, items: [...s.items.slice(0, from), ...itemsRef.current(p)], total: p.total });
    });
  }, [pageSize, run]);

  return { ...state, more, loading, error };
}
