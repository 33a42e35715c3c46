import { describe, expect, it } from 'vitest';
import type { Source } from '../../shared/model/source.ts';
import { errorsFromIssues, formFromSource, patchFromForm } from './metadataForm.ts';

const source = (): Source => ({
  id: 's_abcdef12',
  kind: 'text',
  file: 'a.txt',
  sha256: 'a'.repeat(64),
  originalExt: 'txt',
  bytes: 10,
  importedAt: '2025-01-01T00:00:00Z',
  title: { value: 'Headline', confidence: 'medium', how: 'first line' },
  outlet: { value: null, confidence: 'none', how: '' },
  authors: { value: ['A. Writer'], confidence: 'high', how: 'byline' },
  published: { value: { date: '2024-04-26', precision: 'day', time: null }, confidence: 'low', how: 'header date' },
  url: null,
  language: 'en',
  direction: 'ltr',
  independenceGroup: null,
  notes: '',
  characters: 100,
  pages: null,
  warnings: [],
});
const today = '2025-06-01';

describe('patchFromForm', () => {
  it('an untouched form changes nothing, so every field keeps how it was found', () => {
    const s = source();
    expect(patchFromForm(s, formFromSource(s), today)).toEqual({ ok: true, patch: {}, changed: 0 });
  });

  it('sends only the fields the user changed', () => {
    const s = source();
    const r = patchFromForm(s, { ...formFromSource(s), date: '2020-03-13', outlet: ' ThePrint ' }, today);
    expect(r).toEqual({
      ok: true,
      changed: 2,
      patch: { outlet: 'ThePrint', published: { date: '2020-03-13', precision: 'day', time: null, timezone: null } },
    });
  });

  it('marks a date unknown', () => {
    const s = source();
    const r = patchFromForm(s, { ...formFromSource(s), dateUnknown: true }, today);
    expect(r.ok && r.patch.published).toEqual({ date: null, precision: null, time: null, timezone: null });
  });

  it('refuses impossible, future and missing dates next to the date field', () => {
    const s = source();
    const f = formFromSource(s);
    for (const date of ['2023-02-30', '2026-01-01', '']) {
      const r = patchFromForm(s, { ...f, date }, today);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.errors.date).toBeTruthy();
    }
  });

  it('refuses a URL that is not a web address, and saves nothing else with it', () => {
    const s = source();
    const r = patchFromForm(s, { ...formFromSource(s), url: 'javascript:alert(1)', title: 'New' }, today);
    expect(r.ok).toBe(false);
    expect(!r.ok && Object.keys(r.errors)).toEqual(['url']);
  });

  it('reads authors one per line, ignoring blank lines', () => {
    const s = source();
    const r = patchFromForm(s, { ...formFromSource(s), authors: 'Dan Lamothe\n\n  Louisa Loveluck  \n' }, today);
    expect(r.ok && r.patch.authors).toEqual(['Dan Lamothe', 'Louisa Loveluck']);
  });
});

describe('errorsFromIssues', () => {
  it('maps the core’s issue paths to form fields', () => {
    expect(
      errorsFromIssues([
        { path: ['patch', 'published', 'date'], message: 'a date as YYYY-MM-DD' },
        { path: ['patch', 'url'], message: 'too long' },
        { path: ['caseId'], message: 'ignored' },
      ]),
    ).toEqual({ date: 'a date as YYYY-MM-DD', url: 'too long' });
  });
});
