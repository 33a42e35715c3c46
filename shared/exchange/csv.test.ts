import { describe, expect, it } from 'vitest';
import { annotationFor, casualtyClaim, eventRecord, sourceRecord, T0 } from '../../tests/support/bundle-fixtures.ts';
import { claimsCsv, csvCell, neutralise, parseCsv, reconciliationsCsv, toCsv, CSV_BOM } from './csv.ts';

describe('spreadsheet safety', () => {
  it('no text cell can run as a formula', () => {
    const hostile = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1', '  =1+1', '＝1+1', "=cmd|' /C calc'!A0"];
    for (const h of hostile) {
      const cell = csvCell(h);
      const value = parseCsv(`${cell}\r\n`)[0][0];
      expect(value.startsWith("'"), h).toBe(true);
      expect(value.slice(1)).toBe(h);
    }
  });

  it('leaves ordinary text and our own numbers alone', () => {
    expect(neutralise('14 wounded')).toBe('14 wounded');
    expect(neutralise('Gen. Example')).toBe('Gen. Example');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });

  it('quotes commas, quotes and line breaks, and round-trips them', () => {
    const rows = [['a, b', 'say "hi"', 'line\nbreak', 'plain']];
    const text = toCsv(['one', 'two', 'three', 'four'], rows);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([['one', 'two', 'three', 'four'], ...rows]);
  });
});

describe('claims.csv and reconciliations.csv', () => {
  const TEXT = 'The ministry said =14 people were wounded, according to +officials.';
  const { source } = sourceRecord('s_csv00001', TEXT, { outlet: { value: '=Evil Outlet', confidence: 'high', how: 'user' } });
  const a = annotationFor('a1', source.id, TEXT, '=14 people were wounded');
  const claim = casualtyClaim('c1', a, '14', { eventId: 'e1', speaker: '@ministry' });
  const event = eventRecord('e1', '-Attack on a base');

  it('one row per claim, figures as numbers, open bounds empty, hostile cells neutralised', () => {
    const at = { ...casualtyClaim('c2', a, 'at least 3', { eventId: 'e1' }), place: 'Al Asad Air Base, Iraq' };
    const rows = parseCsv(
      claimsCsv({ sources: [source], claims: [claim, at], events: [event], quoteOf: () => ({ exact: a.targets[0].exact, start: 0, end: 1 }) }),
    );
    const [header, r1, r2] = rows;
    const col = (r: string[], name: string) => r[header.indexOf(name)];
    expect(rows).toHaveLength(3);
    expect(col(r1, 'outlet')).toBe("'=Evil Outlet");
    expect(col(r1, 'speaker')).toBe("'@ministry");
    expect(col(r1, 'event')).toBe("'-Attack on a base");
    expect(col(r1, 'quote')).toBe("'=14 people were wounded");
    expect([col(r1, 'low'), col(r1, 'best'), col(r1, 'high')]).toEqual(['14', '14', '14']);
    expect([col(r2, 'low'), col(r2, 'high'), col(r2, 'qualifier')]).toEqual(['3', '', 'at_least']);
    expect([col(r1, 'claim_place'), col(r2, 'claim_place')]).toEqual(['', 'Al Asad Air Base, Iraq']);
    expect(col(r1, 'event_date_start')).toBe('2024-04-29');
    expect(col(r1, 'date_precision')).toBe('day');
  });

  it('one row per reconciled figure, with the sources behind it', () => {
    const rec = {
      eventId: 'e1',
      rowKey: 'wounded|nationality=US;affiliation=military',
      low: 12,
      best: 14,
      high: null,
      method: 'manual' as const,
      used: ['c1'],
      setAside: [{ claimId: 'c9', reason: '=bad' }],
      rationale: '+because',
      by: null,
      at: T0,
    };
    const [header, row] = parseCsv(reconciliationsCsv({ reconciliations: [rec], events: [event], claims: [claim], sources: [source] }));
    const col = (name: string) => row[header.indexOf(name)];
    expect([col('low'), col('best'), col('high'), col('method')]).toEqual(['12', '14', '', 'manual']);
    expect(col('sources_used')).toBe("'=Evil Outlet");
    expect(col('number_of_sources')).toBe('1');
    expect(col('rationale')).toBe("'+because");
    expect(col('claims_set_aside')).toBe('c9: =bad');
    expect(col('sources_set_aside')).toBe('c9: =bad'); // c9 is not among the claims given: named by its id
    expect(col('claims_implied')).toBe('');
    expect([col('measure'), col('nationality'), col('affiliation')]).toEqual(['wounded', 'US', 'military']);
  });
});
