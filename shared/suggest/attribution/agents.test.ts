import { describe, expect, it } from 'vitest';
import { AGENT_RULES } from './agent-rules.ts';
import { agentDrafts } from './agents.ts';
import { suggest } from '../suggest.ts';

// Each rule row carries the examples it must and must not match: they are its tests.
describe.each(AGENT_RULES.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  it.each(rule.must.map((m) => [m.text, m.perpetrator] as const))('matches: %s', (text, perpetrator) => {
    const found = agentDrafts(text, null).filter((d) => d.rule === rule.id);
    expect(found.map((d) => d.perpetrator)).toContain(perpetrator);
  });
  if (rule.mustNot.length)
    it.each(rule.mustNot)('does not match: %s', (text) => {
      expect(agentDrafts(text, null).filter((d) => d.rule === rule.id)).toEqual([]);
    });
});

describe('agentive attribution in a whole report', () => {
  it('names the perpetrator and the speaker of a regional governor’s casualty report', () => {
    const text =
      'Three people were killed when Russian missiles hit a rail depot in the Poltava region on Tuesday, the regional governor, Ivan Petrenko, said on Telegram.';
    const [a] = suggest(text, { published: '2024-05-08' }).filter((s) => s.kind === 'attribution');
    expect(a.perpetrator).toBe('Russia');
    expect(a.stance).toBe('accused');
    expect(a.speaker).toMatch(/governor|Petrenko/);
  });
  it('reads "Moscow said its forces struck" as a strike, not a claim of responsibility', () => {
    const list = suggest('Moscow said its forces struck a fuel depot near Kharkiv overnight.', { published: '2024-05-08' });
    expect(list.filter((s) => s.kind === 'attribution')).toEqual([]);
  });
  it('hedges the stance when the words do ("suspected jihadists")', () => {
    const [a] = agentDrafts('Twelve soldiers died in an attack by suspected jihadists, security sources said.', 'security sources');
    expect(a.stance).toBe('suspected');
  });
});
