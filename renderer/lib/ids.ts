// Ids and times for new records: the client makes them and puts them in the command, so the core's
// apply() stays deterministic and undo restores them exactly. Ids match RecordId (letters, digits,
// "-"; no "_").
export function newId(prefix: 'c' | 'a' | 'e' | 'actor'): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += (b % 36).toString(36);
  return `${prefix}-${Date.now().toString(36)}${s}`;
}

export const nowIso = (): string => new Date().toISOString();
