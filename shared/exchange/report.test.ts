import { describe, expect, it } from 'vitest';
import { annotationFor, casualtyClaim, eventRecord, sourceRecord, T0 } from '../../tests/support/bundle-fixtures.ts';
import { escapeHtml, renderReport } from './report.ts';

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const TEXT = `A statement said 14 soldiers were wounded. ${HOSTILE} Another said about a dozen were hurt.`;

function input() {
  const { source } = sourceRecord('s_rep00001', TEXT, { title: { value: `Report ${HOSTILE}`, confidence: 'high', how: 'user' } });
  const { source: other } = sourceRecord('s_rep00002', TEXT, { outlet: { value: 'Second Outlet', confidence: 'high', how: 'user' } });
  const a1 = annotationFor('a1', source.id, TEXT, '14 soldiers were wounded');
  const a2 = { ...annotationFor('a2', other.id, TEXT, 'about a dozen were hurt') };
  const c1 = casualtyClaim('c1', a1, '14', { eventId: 'e1', speaker: HOSTILE });
  const c2 = casualtyClaim('c2', a2, '5', { eventId: 'e1' });
  return {
    caseName: `Case ${HOSTILE}`,
    generated: T0,
    appVersion: '0.1.0',
    sources: [source, other],
    texts: new Map([
      [source.id, TEXT],
      [other.id, TEXT],
    ]),
    annotations: [a1, a2],
    claims: [c1, c2],
    events: [eventRecord('e1', `Attack ${HOSTILE}`)],
    actors: [],
    decisions: [
      { eventId: 'e1', rowKey: 'wounded|nationality=US;affiliation=military', status: 'confirmed' as const, note: `Checked ${HOSTILE}`, at: T0, by: 'Editor' },
    ],
    reconciliations: [
      {
        eventId: 'e1',
        rowKey: 'wounded|nationality=US;affiliation=military',
        low: 5,
        best: 14,
        high: 14,
        method: 'manual' as const,
        used: ['c1'],
        setAside: [{ claimId: 'c2', reason: 'older count' }],
        rationale: `Because ${HOSTILE}`,
        by: 'Editor',
        at: T0,
      },
    ],
  };
}

describe('report.html', () => {
  it('escapes hostile text everywhere and contains no script, no remote resource', () => {
    const html = renderReport(input());
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain(escapeHtml(HOSTILE));
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
    expect(html).not.toMatch(/\b(src|href)="(?!#)/);
  });

  it('links each figure to its quote in context, which is on the page', () => {
    const html = renderReport(input());
    for (const id of ['c1', 'c2']) {
      expect(html).toContain(`href="#q-${id}"`);
      expect(html).toContain(`id="q-${id}"`);
    }
    expect(html).toMatch(/<mark>14 soldiers were wounded<\/mark>/);
  });

  it('shows disagreements with their decisions and the reconciled low / best / high with rationale', () => {
    const html = renderReport(input());
    expect(html).toMatch(/<span class="tag conflict">conflict<\/span>/); // 14 vs 5 do not overlap
    expect(html).toContain('<strong>confirmed</strong>');
    expect(html).toMatch(/Reconciled figures[\s\S]*<td class="num">5<\/td><td class="num"><strong>14<\/strong><\/td><td class="num">14<\/td><td>Manual<\/td>/);
    expect(html).toContain('older count');
  });

  it('has print styles', () => {
    expect(renderReport(input())).toContain('@media print');
  });
});
