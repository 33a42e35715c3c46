import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTimingExpressions, isAnchored, precisionFor, reresolveAll, resolveTiming, withResolvedTiming } from './timing.ts';
import { Claim, blankClaim } from '../model/claims.ts';
import { seedsDir, seedsKey } from '../../tests/unit/corpus.ts';

const at = (date: string, anchor?: string) => ({ date, ...(anchor ? { anchor } : {}) });
const day = (expr: string, date: string, anchor?: string) => {
  const r = resolveTiming(expr, at(date, anchor));
  return r && (r.start === r.end ? r.start : `${r.start}..${r.end}`);
};

describe('resolveTiming: news is past tense', () => {
  // 2020-03-13 is a Friday.
  it.each([
    ['Wednesday', '2020-03-11'],
    ['on Wednesday', '2020-03-11'],
    ['early Friday', '2020-03-13'],
    ['Friday', '2020-03-13'],
    ['Thursday night', '2020-03-12'],
    ['on Monday', '2020-03-09'], // chrono alone would say the 16th
    ['Saturday', '2020-03-07'],
    ['last Friday', '2020-03-06'],
    ['next Monday', '2020-03-16'],
    ['yesterday', '2020-03-12'],
    ['last night', '2020-03-12'],
    ['the day before yesterday', '2020-03-11'],
    ['three days ago', '2020-03-10'],
    ['on March 11', '2020-03-11'],
    ['11 March', '2020-03-11'],
    ['March 17', '2019-03-17'], // no year and after the reference: the latest March 17 before it
    ['Dec. 27', '2019-12-27'],
    ['Jan. 8', '2020-01-08'],
    ['March 17, 2020', '2020-03-17'],
    ['Wednesday, March 11, 2020', '2020-03-11'],
    ['late December', '2019-12-21..2019-12-31'],
    ['early March', '2020-03-01..2020-03-10'],
    ['mid-February', '2020-02-11..2020-02-20'],
    ['late March', '2019-03-21..2019-03-31'],
    ['last week', '2020-03-02..2020-03-08'],
    ['earlier this week', '2020-03-09..2020-03-13'],
    ['last month', '2020-02-01..2020-02-29'],
    ['in December', '2019-12-01..2019-12-31'],
    ['December 2019', '2019-12-01..2019-12-31'],
    ['in 2019', '2019-01-01..2019-12-31'],
    ['four years ago', '2016-01-01..2016-12-31'],
  ])('%s in a paper of Friday 13 March 2020 → %s', (expr, want) => {
    expect(day(expr, '2020-03-13')).toBe(want);
  });

  it('counts anchored expressions from the anchor, and "ago" from the reference', () => {
    expect(day('About 24 hours earlier', '2023-11-21')).toBe('2023-11-20');
    expect(day('about 24 hours earlier', '2023-11-25', '2023-11-21')).toBe('2023-11-20');
    expect(day('two days later', '2023-11-25', '2023-11-21')).toBe('2023-11-23');
    expect(day('the next day', '2023-11-25', '2023-11-21')).toBe('2023-11-22');
    expect(day('the day before', '2023-11-25', '2023-11-21')).toBe('2023-11-20');
    expect(day('two days ago', '2023-11-25', '2023-11-21')).toBe('2023-11-23');
    expect(day('36 hours earlier', '2023-11-21')).toBe('2023-11-19..2023-11-20');
    expect(resolveTiming('About 24 hours earlier', at('2023-11-21'))?.approximate).toBe(true);
  });

  it('reads every number word of figures/numerals.ts, and the tens with a unit, in a count of days', () => {
    expect(day('thirteen days later', '2023-11-25', '2023-11-01')).toBe('2023-11-14');
    expect(day('Forty days earlier', '2023-11-25', '2023-12-11')).toBe('2023-11-01');
    expect(day('twenty-four hours earlier', '2023-11-21')).toBe('2023-11-20');
    expect(day('forty-two hours earlier', '2023-11-21')).toBe('2023-11-19..2023-11-20');
    expect(day('a few days later', '2023-11-25', '2023-11-01')).toBe('2023-11-04');
  });

  it('names the width of the range as its precision (UCDP date_prec)', () => {
    expect(resolveTiming('Wednesday', at('2020-03-13'))?.precision).toBe('day');
    expect(resolveTiming('last week', at('2020-03-13'))?.precision).toBe('week');
    expect(resolveTiming('late December', at('2020-03-13'))?.precision).toBe('month');
    expect(resolveTiming('in 2019', at('2020-03-13'))?.precision).toBe('year');
    expect(precisionFor('2020-03-10', '2020-03-12')).toBe('days');
  });

  it('says whether a result depends on the reference date', () => {
    expect(resolveTiming('Wednesday', at('2020-03-13'))?.relative).toBe(true);
    expect(resolveTiming('on March 11', at('2020-03-13'))?.relative).toBe(true);
    expect(resolveTiming('March 17, 2020', at('2020-03-13'))?.relative).toBe(false);
    expect(resolveTiming('late December 2019', at('2020-03-13'))?.relative).toBe(false);
  });

  it('returns null for what is not a date, and for a bad reference', () => {
    expect(resolveTiming('the militia fired rockets', at('2020-03-13'))).toBeNull();
    expect(resolveTiming('Wednesday', at('2020-02-30'))).toBeNull();
    expect(resolveTiming('Wednesday', at('13/03/2020'))).toBeNull();
  });

  it('is independent of the weekday arithmetic across a year boundary and a leap day', () => {
    expect(day('Tuesday', '2020-01-02')).toBe('2019-12-31');
    expect(day('Feb. 29', '2021-03-01')).toBe('2020-02-29');
  });
});

describe('findTimingExpressions', () => {
  it('finds date expressions in a passage, with "early" kept with its weekday', () => {
    const text = 'Officials said the strikes came early Friday, two days after rockets hit the base on Wednesday.';
    const found = findTimingExpressions(text).map((e) => e.text);
    expect(found).toContain('early Friday');
    expect(found.some((f) => f.includes('Wednesday'))).toBe(true);
    for (const e of findTimingExpressions(text)) expect(text.slice(e.start, e.end)).toBe(e.text);
  });
  it('marks expressions that count from another date, so the form can ask for an anchor', () => {
    const found = findTimingExpressions('Rockets hit the base on Dec. 27. Two days later, the U.S. struck back.');
    expect(found.map((e) => [e.text, e.anchored])).toEqual([
      ['Dec. 27', false],
      ['Two days later', true],
    ]);
    expect(isAnchored('three days ago')).toBe(false);
    expect(isAnchored('the following day')).toBe(true);
    expect(resolveTiming('two days later', { date: '2020-03-13' })?.method).toMatch(/no anchor given/);
  });
  it('does not read a weekday abbreviation or a plain count as a date', () => {
    expect(findTimingExpressions('He sat with five soldiers under the sun.')).toEqual([]);
  });
});

describe('the seed key', () => {
  it('resolves the dated claims of the seed articles as a careful fact-checker did', () => {
    const key = seedsKey();
    const docs = key.documents as Record<string, { published: string | null; likelyPublished?: string }>;
    let agree = 0;
    const disagree: string[] = [];
    const skipped: string[] = [];
    for (const c of key.claims) {
      const want = c.date as string | undefined;
      if (!want) continue;
      const doc = docs[c.doc];
      let reference = doc.published ?? doc.likelyPublished ?? null;
      if (!reference) {
        // No publication date: use the end of the latest year the article itself states (the brief's
        // "the year it states elsewhere"); past-tense resolution then lands in that year.
        const years = [...readFileSync(join(seedsDir, c.doc), 'utf8').matchAll(/\b(?:19|20)\d\d\b/g)].map((m) => Number(m[0]));
        if (years.length === 0) {
          skipped.push(`${c.id}: no publication date and no year in the text`);
          continue;
        }
        reference = `${Math.max(...years)}-12-31`;
      }
      const expr = findTimingExpressions(c.quote)[0];
      if (!expr) {
        skipped.push(`${c.id}: the quote states no date (the key dates it from its event)`);
        continue;
      }
      const r = resolveTiming(expr.text, { date: reference });
      if (r && r.start <= want && want <= r.end) agree++;
      else disagree.push(`${c.id}: "${expr.text}" → ${r?.start}..${r?.end}, key ${want}`);
    }
    console.log(`timing: ${agree} of ${agree + disagree.length} dated seed claims agree with the key; skipped ${skipped.length}:\n  ${skipped.join('\n  ')}`);
    expect(disagree).toEqual([]);
    expect(agree).toBeGreaterThanOrEqual(10);
  });
});

// ---------------------------------------------------------------- re-resolution

const T = '2020-03-13T12:00:00.000Z';
function timingClaim(id: string, expression: string, reference: string, anchorClaimId: string | null = null, anchor?: string): Claim {
  const r = resolveTiming(expression, { date: reference, anchor })!;
  return Claim.parse({
    kind: 'timing',
    id,
    sourceId: 's_abcdef',
    annotationId: `an-${id}`,
    eventId: null,
    speaker: null,
    asOf: null,
    note: '',
    origin: { type: 'manual' },
    created: T,
    modified: T,
    expression,
    reference,
    anchorClaimId,
    start: r.start,
    end: r.end,
    precision: r.precision,
    method: r.method,
    relative: r.relative,
    approximate: r.approximate,
  });
}

describe('withResolvedTiming', () => {
  it('fills a new timing claim from its expression, and keeps a date set by hand', () => {
    const blank = blankClaim('timing', { id: 't1', sourceId: 's_abcdef', annotationId: 'a1', created: T, text: 'early Friday' });
    if (blank.kind !== 'timing') throw new Error('kind');
    const r = withResolvedTiming(blank, '2020-03-13');
    expect(r).toMatchObject({ reference: '2020-03-13', start: '2020-03-13', end: '2020-03-13', precision: 'day', relative: true });
    expect(Claim.safeParse(r).success).toBe(true);
    const manual = { ...r, method: 'manual', start: '2020-03-12', end: '2020-03-12' };
    expect(withResolvedTiming(manual, '2021-01-01')).toBe(manual);
  });
});

describe('reresolveAll', () => {
  it('re-resolves relative dates when the publication date is corrected, and leaves written dates', () => {
    // The page header said Friday 26 April 2024; the user corrects it to Friday 13 March 2020.
    const claims = [
      timingClaim('t1', 'on Wednesday', '2024-04-26'),
      timingClaim('t2', 'March 17, 2020', '2024-04-26'),
      timingClaim('t3', 'on March 11', '2024-04-26'),
    ];
    expect(claims[0].kind === 'timing' && claims[0].start).toBe('2024-04-24');
    const out = reresolveAll(claims, '2020-03-13', { modified: '2024-05-01T00:00:00.000Z' });
    const starts = out.map((c) => (c.kind === 'timing' ? c.start : null));
    expect(starts).toEqual(['2020-03-11', '2020-03-17', '2020-03-11']);
    expect(out[1]).toBe(claims[1]); // untouched: same object
    expect(out[0].modified).toBe('2024-05-01T00:00:00.000Z');
    for (const c of out) expect(Claim.safeParse(c).success).toBe(true);
  });

  it('follows anchors: a date counted from another claim moves with it', () => {
    const tuesday = timingClaim('t1', 'Tuesday evening', '2023-11-22');
    const before = timingClaim('t2', 'about 24 hours earlier', '2023-11-22', 't1', '2023-11-21');
    // put the anchored claim first to prove order does not matter
    const out = reresolveAll([before, tuesday], '2023-11-29');
    const [b, t] = out.map((c) => (c.kind === 'timing' ? c.start : null));
    expect(t).toBe('2023-11-28');
    expect(b).toBe('2023-11-27');
  });

  it('never moves a date the user set by hand, and empties relative dates when the date is removed', () => {
    const manual = { ...timingClaim('t1', 'Wednesday', '2020-03-13'), method: 'manual' } as Claim;
    const rel = timingClaim('t2', 'Wednesday', '2020-03-13');
    const out = reresolveAll([manual, rel], null);
    expect(out[0]).toBe(manual);
    expect(out[1].kind === 'timing' && out[1].start).toBeNull();
    expect(Claim.safeParse(out[1]).success).toBe(true);
  });
});
