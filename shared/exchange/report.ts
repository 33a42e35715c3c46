// report.html: the case as an editor reads it, on screen or on paper. Per event: the figures by source,
// where they disagree and what was decided, the reconciled low / best / high with the rationale, and
// every figure linked to its quote in context.
//
// Rules, and why:
// - Self-contained: inline CSS, no script, no image, no font, no link out; a Content-Security-Policy
//   that forbids everything else, so even a hostile string that escaped would load nothing.
// - Every string is hostile text (articles, a colleague's notes) and is escaped; ids become anchors
//   only through the same escaping.
// - Prints well: black on white, tables that do not split a row, quotes that keep together, link
//   targets written out as "(quote q3)" since paper cannot be clicked.
import { measureWords } from '../figures/measureWords.ts';
import type { Actor, Event } from '../model/claims.ts';
import { isFigureClaim } from '../model/claims.ts';
import { computeAll, staleDecisions, type Decision, type Row } from '../compare/conflicts.ts';
import { parseRowKey, rowPopulationWords } from './csv.ts';
import { METHOD_LABELS, type Reconciliation } from '../compare/reconcile.ts';
import { rangeChart, rangeChartSvg } from '../compare/conflicts/range-chart.ts';
import { describeClaim, formatFigure, populationWords, qualifierWords, type W3cInput } from './w3c.ts';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
const h = (v: unknown): string => escapeHtml(v === null || v === undefined ? '' : String(v));

/** What the W3C export reads (less the case id), plus what the report adds: actors and judgements. */
export interface ReportInput extends Omit<W3cInput, 'caseId'> {
  actors: Actor[];
  decisions: Decision[];
  reconciliations: Reconciliation[];
}

const anchorId = (claimId: string) => `q-${claimId}`;
const words = measureWords;
/** Rows worth a reader's attention: every verdict but "only one source says so", and any row with a decision. */
const disputed = (r: Row) => r.verdict !== 'single' || r.decision !== null;
const VERDICT_WORDS: Record<Row['verdict'], string> = {
  conflict: 'conflict',
  scope_mismatch: 'scope mismatch',
  update: 'update',
  unclear: 'unclear',
  consistent: 'consistent',
  single: 'one source',
};

const STYLE = `
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; background: #fff; margin: 0 auto; max-width: 1100px; padding: 24px 32px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 32px 0 6px; border-bottom: 2px solid #222; padding-bottom: 4px; }
h3 { font-size: 16px; margin: 18px 0 6px; } .meta { color: #444; margin: 0 0 12px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 14px; }
th, td { border: 1px solid #bbb; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #eee; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr { break-inside: avoid; } .differ td { background: #fff1e6; } .tag { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 12px; border: 1px solid #999; }
.tag.conflict, .tag.scope_mismatch { border-color: #b34700; color: #b34700; } .tag.consistent { border-color: #2f6f3e; color: #2f6f3e; }
blockquote { margin: 6px 0 14px; padding: 6px 10px; border-left: 4px solid #888; background: #f7f7f7; break-inside: avoid; }
blockquote mark { background: #ffe28a; color: inherit; padding: 0 1px; } .ctx { color: #555; }
.quote-head { font-size: 13px; color: #333; margin-top: 10px; } .empty { color: #666; font-style: italic; }
a { color: #0645ad; } .small { font-size: 12px; color: #555; }
@media print {
  body { padding: 0; max-width: none; font-size: 11pt; } a { color: inherit; text-decoration: none; }
  a.ref::after { content: " (" attr(data-ref) ")"; font-size: 9pt; color: #444; }
  h2 { break-after: avoid; } section.event { break-inside: auto; } th { background: #ddd !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .differ td { background: #fff1e6 !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

export function renderReport(input: ReportInput): string {
  const sources = new Map(input.sources.map((s) => [s.id, s]));
  const annotations = new Map(input.annotations.map((a) => [a.id, a]));
  const events = new Map(input.events.map((e) => [e.id, e]));
  const claims = new Map(input.claims.map((c) => [c.id, c]));
  const state = { annotations: input.annotations, claims: input.claims, events: input.events, actors: input.actors };
  const matrices = new Map(computeAll(state, input.sources, input.decisions).map((m) => [m.eventId, m]));
  const stale = staleDecisions([...matrices.values()], input.decisions);
  // Short labels (q1, q2…) for quotes, in order of appearance, so print shows where a link goes.
  const quoteLabel = new Map(input.claims.map((c, i) => [c.id, `q${i + 1}`]));
  const sourceName = (id: string) => {
    const s = sources.get(id);
    return s ? (s.outlet.value ?? s.title.value ?? s.file ?? id) : id;
  };
  const link = (claimId: string, text: string) =>
    claims.has(claimId)
      ? `<a class="ref" href="#${h(anchorId(claimId))}" data-ref="${h(quoteLabel.get(claimId) ?? claimId)}">${text}</a>`
      : `${text} <span class="small">(claim ${h(claimId)} no longer in the case)</span>`;
  const num = (v: number | null) => (v === null ? '<span class="small">open</span>' : h(v.toLocaleString('en-US')));
  const decisionHtml = (d: Decision) =>
    `<strong>${h(d.status)}</strong>${d.note ? `: ${h(d.note)}` : ''} <span class="small">— ${h(d.by ?? 'unsigned')}, ${h(d.at.slice(0, 10))}</span>`;

  const out: string[] = [];
  out.push(
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(input.caseName)}: Corroborate report</title>`,
    `<style>${STYLE}</style></head><body><main>`,
    `<h1>${h(input.caseName)}</h1>`,
    `<p class="meta">Report generated ${h(input.generated.slice(0, 16).replace('T', ' '))} UTC by Corroborate ${h(input.appVersion)} · ${input.sources.length} sources · ${input.claims.length} claims · ${input.events.length} events · ${input.reconciliations.length} reconciled figures</p>`,
  );

  // Sources
  out.push(
    '<h2 id="sources">Sources</h2><table><thead><tr><th>Source</th><th>Outlet</th><th>Published</th><th>Independence group</th><th>Claims</th></tr></thead><tbody>',
  );
  for (const s of input.sources) {
    const n = input.claims.filter((c) => c.sourceId === s.id).length;
    out.push(
      `<tr><td>${h(s.title.value ?? s.file ?? s.id)}${s.url ? `<div class="small">${h(s.url)}</div>` : ''}</td><td>${h(s.outlet.value ?? '—')}</td><td>${h(s.published.value.date ?? 'unknown')}</td><td>${h(s.independenceGroup ?? '—')}</td><td class="num">${n}</td></tr>`,
    );
  }
  out.push('</tbody></table>');

  // Events, then the claims not yet placed in an event.
  const eventList: Array<Event | null> = [...input.events, null];
  for (const e of eventList) {
    const mine = input.claims.filter((c) => (e ? c.eventId === e.id : c.eventId === null || !events.has(c.eventId)));
    if (!e && mine.length === 0) continue;
    const eid = e?.id ?? null;
    const matrix = eid ? matrices.get(eid) : undefined;
    out.push(`<section class="event"><h2 id="event-${h(eid ?? 'none')}">${e ? h(e.title) : 'Claims not placed in an event'}</h2>`);
    if (e) {
      const when = e.start ? (e.end && e.end !== e.start ? `${e.start} to ${e.end}` : e.start) : 'date unknown';
      out.push(
        `<p class="meta">${h(when)}${e.precision ? ` (${h(e.precision)})` : ''}${e.place ? ` · ${h(e.place)}` : ''}${e.type ? ` · ${h(e.type)}` : ''}${e.aggregate ? ' · running total' : ''}</p>`,
      );
      if (e.note) out.push(`<p>${h(e.note)}</p>`);
    }

    // Figures by source
    const figs = mine.filter(isFigureClaim);
    const differing = new Set((matrix?.rows ?? []).filter((r) => r.verdict === 'conflict' || r.verdict === 'scope_mismatch').flatMap((r) => r.claims));
    out.push('<h3>Figures by source</h3>');
    if (figs.length === 0) out.push('<p class="empty">No figures.</p>');
    else {
      out.push(
        '<table><thead><tr><th>Measure</th><th>Population</th><th>Source</th><th>As written</th><th>Low</th><th>Best</th><th>High</th><th>Qualifier</th><th>Speaker</th></tr></thead><tbody>',
      );
      const label = (c: (typeof figs)[number]) => `${c.measure}|${populationWords(c.population)}|${sourceName(c.sourceId)}`;
      for (const c of [...figs].sort((a, b) => label(a).localeCompare(label(b)))) {
        const f = c.figure;
        out.push(
          `<tr${differing.has(c.id) ? ' class="differ"' : ''}><td>${h(words(c.measure ?? c.kind))}</td><td>${h(populationWords(c.population) || 'all')}</td><td>${h(sourceName(c.sourceId))}</td><td>${link(c.id, h(f.raw || formatFigure(f)))}</td><td class="num">${num(f.low)}</td><td class="num">${num(f.best)}</td><td class="num">${num(f.high)}</td><td>${h(qualifierWords(f.qualifier))}</td><td>${h(c.speaker ?? '')}</td></tr>`,
        );
      }
      out.push('</tbody></table>');
    }

    // Disagreements and decisions
    // One line per disagreement: its context rows are named under its flag row, not repeated.
    const rows = (matrix?.rows ?? []).filter((r) => disputed(r) && !(typeof r.group === 'string' && r.group !== r.key));
    const rowWords = (key: string) => {
      const row = matrix?.rows.find((x) => x.key === key);
      return row ? `${words(row.measure)}${row.population && row.population !== 'all' ? ` · ${row.population}` : ''}` : key;
    };
    const staleHere = stale.filter((d) => d.eventId === eid);
    if (rows.length || staleHere.length) {
      out.push(
        '<h3>Disagreements and decisions</h3><table><thead><tr><th>Row</th><th>Verdict</th><th>What the sources say</th><th>Decision</th></tr></thead><tbody>',
      );
      for (const r of rows) {
        const rec = input.reconciliations.find((x) => x.eventId === eid && x.rowKey === r.key) ?? null;
        const chart = r.measure !== 'perpetrator' && r.measure !== 'date' ? rangeChart(r.cells, sourceName, rec) : null;
        const cells = r.cells
          .filter((c) => c.basis !== 'implied')
          .map((c) => `${h(sourceName(c.sourceId))}: ${link(c.claimId, h(c.raw || '—'))}`)
          .join('<br>');
        out.push(
          `<tr${r.verdict === 'conflict' || r.verdict === 'scope_mismatch' ? ' class="differ"' : ''}><td>${h(words(r.measure))}${r.population ? ` · ${h(r.population)}` : ''}</td><td><span class="tag ${h(r.verdict)}">${h(VERDICT_WORDS[r.verdict])}</span>${chart ? `<div class="chart">${rangeChartSvg(chart)}</div>` : ''}<div class="small">${h(r.why)}</div>${r.context?.length ? `<div class="small">One disagreement with: ${h(r.context.map(rowWords).join('; '))}</div>` : ''}</td><td>${cells}</td><td>${r.decision ? decisionHtml(r.decision) : '<span class="empty">no decision yet</span>'}</td></tr>`,
        );
      }
      for (const d of staleHere) {
        out.push(
          `<tr><td>${h(words(parseRowKey(d.rowKey).measure))} · ${h(rowPopulationWords(d.rowKey))}</td><td><span class="small">the row has changed since</span></td><td></td><td>${decisionHtml(d)}</td></tr>`,
        );
      }
      out.push('</tbody></table>');
    }

    // Reconciled figures
    const recs = input.reconciliations.filter((r) => r.eventId === eid);
    if (recs.length) {
      out.push(
        '<h3>Reconciled figures</h3><table><thead><tr><th>Row</th><th>Low</th><th>Best</th><th>High</th><th>Method</th><th>Rationale</th><th>Based on</th><th>Set aside</th></tr></thead><tbody>',
      );
      for (const r of recs) {
        const implied = new Set(r.implied ?? []);
        const used = r.used
          .map((id) => `${link(id, h(sourceName(claims.get(id)?.sourceId ?? '')) || h(id))}${implied.has(id) ? ' <span class="small">(implied)</span>' : ''}`)
          .join('<br>');
        const aside = r.setAside
          .map((x) => `${link(x.claimId, h(sourceName(claims.get(x.claimId)?.sourceId ?? '')) || h(x.claimId))}: ${h(x.reason)}`)
          .join('<br>');
        out.push(
          `<tr><td>${h(words(parseRowKey(r.rowKey).measure))} · ${h(rowPopulationWords(r.rowKey))}</td><td class="num">${num(r.low)}</td><td class="num"><strong>${num(r.best)}</strong></td><td class="num">${num(r.high)}</td><td>${h(METHOD_LABELS[r.method] ?? r.method)}</td><td>${h(r.rationale)}<div class="small">${h(r.by ?? 'unsigned')}, ${h(r.at.slice(0, 10))}</div></td><td>${used}</td><td>${aside || '—'}</td></tr>`,
        );
      }
      out.push('</tbody></table>');
    }

    // Other claims
    const others = mine.filter((c) => !isFigureClaim(c));
    if (others.length) {
      out.push('<h3>Other claims</h3><ul>');
      for (const c of others) out.push(`<li>${link(c.id, h(describeClaim(c)))} <span class="small">— ${h(sourceName(c.sourceId))}</span></li>`);
      out.push('</ul>');
    }
    out.push('</section>');
  }

  // Quotes in context
  out.push('<h2 id="quotes">Quotes in context</h2>');
  for (const s of input.sources) {
    const mine = input.claims.filter((c) => c.sourceId === s.id);
    if (!mine.length) continue;
    out.push(`<h3>${h(s.title.value ?? s.file ?? s.id)}${s.outlet.value ? ` <span class="small">(${h(s.outlet.value)})</span>` : ''}</h3>`);
    const dir = s.direction === 'rtl' ? ' dir="rtl"' : '';
    for (const c of mine) {
      const a = annotations.get(c.annotationId);
      out.push(
        `<div class="quote-head" id="${h(anchorId(c.id))}"><strong>${h(quoteLabel.get(c.id))}</strong> · ${h(describeClaim(c, events))}${a?.orphan ? ' · <em>passage not found in the current text</em>' : ''}</div>`,
      );
      if (!a) {
        out.push('<blockquote class="empty">No passage.</blockquote>');
        continue;
      }
      for (const t of a.targets) {
        out.push(
          `<blockquote${dir}><span class="ctx">…${h(t.prefix)}</span><mark>${h(t.exact)}</mark><span class="ctx">${h(t.suffix)}…</span>${t.page ? ` <span class="small">(page ${t.page})</span>` : ''}</blockquote>`,
        );
      }
    }
  }
  out.push('</main></body></html>');
  return out.join('\n');
}
