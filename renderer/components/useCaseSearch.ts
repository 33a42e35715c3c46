// The case search: the query typed, the results of the last search run, and "/" to focus the search box.
import { useEffect, useRef, useState } from 'react';
import type { Client } from '../../shared/api.ts';
import { messageOf } from '../import/useImporter.ts';
import type { SearchState } from './SearchPanel.tsx';

export function useCaseSearch(client: Client, caseId: string) {
  const [search, setSearch] = useState<SearchState | null>(null);
  const [query, setQuery] = useState('');
  const searchInput = useRef<HTMLInputElement>(null);

  // "/" focuses search, as in most reading tools, unless the user is typing somewhere.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.closest('input, textarea, select, [contenteditable="true"]') || t.closest('dialog'))) return;
      e.preventDefault();
      searchInput.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const runSearch = async (q: string) => {
    const trimmed = q.trim();
    if (!trimmed) {
      setSearch(null);
      return;
    }
    setSearch({ query: trimmed, status: 'loading', hits: [], total: 0, error: null });
    try {
      const r = await client.call('search', { caseId, query: trimmed, limit: 200 });
      setSearch({ query: trimmed, status: 'done', hits: r.hits, total: r.total, error: null });
    } catch (e) {
      setSearch({ query: trimmed, status: 'error', hits: [], total: 0, error: messageOf(e) });
    }
  };

  return { search, setSearch, query, setQuery, searchInput, runSearch };
}
