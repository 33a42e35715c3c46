// The metadata form: a source's correctable fields as form strings, and back to a SourcePatch
// holding only what the user changed (an unchanged field keeps how it was found and its confidence).
import { SourcePatch, type Published, type Source } from '../../shared/model/source.ts';

export interface MetadataForm {
  title: string;
  outlet: string;
  /** One author per line. */
  authors: string;
  dateUnknown: boolean;
  /** YYYY-MM-DD, as an <input type=date> gives it. */
  date: string;
  precision: 'day' | 'month' | 'year';
  /** HH:MM or empty. */
  time: string;
  url: string;
  independenceGroup: string;
  notes: string;
}

export type MetadataField = keyof MetadataForm;
export type FieldErrors = Partial<Record<MetadataField, string>>;

export function formFromSource(s: Source): MetadataForm {
  const p = s.published.value;
  return {
    title: s.title.value ?? '',
    outlet: s.outlet.value ?? '',
    authors: s.authors.value.join('\n'),
    dateUnknown: !p.date,
    date: p.date ?? '',
    precision: p.precision ?? 'day',
    time: p.time ? p.time.slice(0, 5) : '',
    url: s.url ?? '',
    independenceGroup: s.independenceGroup ?? '',
    notes: s.notes,
  };
}

const orNull = (v: string): string | null => (v.trim() === '' ? null : v.trim());

function isRealDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const [y, m, d] = iso.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * Checks the form and builds the patch of changed fields. `today` (YYYY-MM-DD, the user's local
 * date) bounds the publication date: nothing can have been published tomorrow.
 */
export function patchFromForm(
  source: Source,
  form: MetadataForm,
  today: string,
): { ok: true; patch: SourcePatch; changed: number } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const patch: SourcePatch = {};

  const title = orNull(form.title);
  if (title && title.length > 1000) errors.title = 'Keep the title under 1,000 characters.';
  else if (title !== (source.title.value ?? null)) patch.title = title;

  const outlet = orNull(form.outlet);
  if (outlet && outlet.length > 300) errors.outlet = 'Keep the outlet under 300 characters.';
  else if (outlet !== (source.outlet.value ?? null)) patch.outlet = outlet;

  const authors = form.authors
    .split('\n')
    .map((a) => a.trim())
    .filter(Boolean);
  if (authors.length > 50) errors.authors = 'At most 50 authors.';
  else if (authors.some((a) => a.length > 200)) errors.authors = 'Each author’s name must be under 200 characters.';
  else if (authors.join('\n') !== source.authors.value.join('\n')) patch.authors = authors;

  const old = source.published.value;
  let published: Published | null = null;
  if (form.dateUnknown) {
    published = { date: null, precision: null, time: null, timezone: old.timezone ?? null };
  } else if (form.date.trim() === '') {
    errors.date = 'Enter the publication date, or tick “Date unknown”.';
  } else if (!isRealDate(form.date.trim())) {
    errors.date = 'Enter a real date (day, month and year).';
  } else if (form.date.trim() > today) {
    errors.date = 'That date is in the future; a source cannot have been published after today.';
  } else if (Number(form.date.slice(0, 4)) < 1000) {
    errors.date = 'Check the year.';
  } else if (form.time.trim() !== '' && !/^\d{2}:\d{2}$/.test(form.time.trim())) {
    errors.time = 'Enter the time as HH:MM, or leave it empty.';
  } else {
    published = {
      date: form.date.trim(),
      precision: form.precision,
      time: form.time.trim() === '' ? null : form.time.trim(),
      timezone: old.timezone ?? null,
    };
  }
  if (
    published &&
    (published.date !== old.date ||
      (published.date !== null && published.precision !== old.precision) ||
      (published.time ?? null) !== (old.time ? old.time.slice(0, 5) : null))
  ) {
    patch.published = published;
  }

  const url = orNull(form.url);
  if (url !== null) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
      errors.url = 'Enter a full web address starting with https:// or http://, or leave it empty.';
    } else if (url.length > 4000) {
      errors.url = 'That address is too long (over 4,000 characters).';
    }
  }
  if (!errors.url && url !== (source.url ?? null)) patch.url = url;

  const group = orNull(form.independenceGroup);
  if (group && group.length > 300) errors.independenceGroup = 'Keep the group name under 300 characters.';
  else if (group !== (source.independenceGroup ?? null)) patch.independenceGroup = group;

  if (form.notes.length > 100_000) errors.notes = 'Notes are limited to 100,000 characters.';
  else if (form.notes !== source.notes) patch.notes = form.notes;

  if (Object.keys(errors).length) return { ok: false, errors };
  // The contract's own schema has the last word (the core checks it again).
  const checked = SourcePatch.safeParse(patch);
  if (!checked.success) return { ok: false, errors: errorsFromIssues(checked.error.issues) };
  return { ok: true, patch: checked.data, changed: Object.keys(checked.data).length };
}

/** Maps validation issues (from zod here, or INVALID_INPUT details from the core) to form fields. */
export function errorsFromIssues(issues: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (!Array.isArray(issues)) return errors;
  for (const issue of issues as { path?: unknown[]; message?: string }[]) {
    const path = (issue.path ?? []).filter((p) => p !== 'patch').map(String);
    const field = fieldOfPath(path);
    if (field && !errors[field]) errors[field] = issue.message ?? 'Check this value.';
  }
  return errors;
}

function fieldOfPath(path: string[]): MetadataField | null {
  const [head, sub] = path;
  switch (head) {
    case 'title':
    case 'outlet':
    case 'authors':
    case 'url':
    case 'independenceGroup':
    case 'notes':
      return head;
    case 'published':
      return sub === 'time' ? 'time' : sub === 'precision' ? 'precision' : 'date';
    default:
      return null;
  }
}

export const localToday = (now = new Date()): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
