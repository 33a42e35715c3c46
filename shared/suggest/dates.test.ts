// Date roles on invented sentences in the style of wire reports: which date is the incident's.
import { describe, expect, it } from 'vitest';
import { sentenceDates } from './dates.ts';

const PUBLISHED = '2024-05-22'; // a Wednesday
const roles = (s: string) => sentenceDates(s, PUBLISHED).map((d) => [d.expression, d.role]);
const role = (s: string, expression: string) => sentenceDates(s, PUBLISHED).find((d) => d.expression === expression)?.role;

describe('datelines', () => {
  it('gives the filing date of a dateline its own role, never the incident’s', () => {
    expect(roles('Quetta, May 20 (PTI) At least four children were killed when a mortar shell hit a house.')).toEqual([['May 20', 'dateline']]);
    expect(roles('WASHINGTON, March 12 -- Two rockets struck the base on Monday, officials said.')).toEqual([
      ['March 12', 'dateline'],
      ['on Monday', 'event'],
    ]);
    expect(role('ODESA, Ukraine, May 21 (AP) — Russian drones struck the port overnight.', 'May 21')).toBe('dateline');
    expect(role('ODESA, Ukraine, May 21 (AP) — Russian drones struck the port overnight.', 'overnight')).toBe('event');
  });

  it('does not anchor later relative dates on the dateline', () => {
    const [, later] = sentenceDates('KABUL, May 20 (AFP) — Gunmen attacked a checkpoint two days later.', PUBLISHED, '2024-05-10');
    expect(later.role).toBe('event');
    expect(later.resolved?.start).toBe('2024-05-12');
  });

  it('keeps a date that opens an ordinary sentence as the incident’s', () => {
    expect(role('On May 20, rockets struck the airfield.', 'May 20')).toBe('event');
  });
});

describe('statement dates', () => {
  it('reads a date before a speech noun as the statement’s', () => {
    expect(role('The foreign ministry condemned the attack in a Thursday statement.', 'Thursday')).toBe('statement');
    expect(role("In Tuesday's briefing, the spokesman declined to give figures.", 'Tuesday')).toBe('statement');
    expect(role('The army gave the toll in a Monday evening televised address.', 'Monday evening')).toBe('statement');
  });

  it('reads a date after a speech verb or noun as the statement’s', () => {
    expect(role('The president said in his nightly address Wednesday that troops held the line.', 'Wednesday')).toBe('statement');
    expect(role('The spokesman told a briefing on Monday that the convoy was delayed.', 'on Monday')).toBe('statement');
  });

  it('gives the date back to the incident when an incident word stands between', () => {
    const d = sentenceDates('The governor said Monday that Russia attacked the region overnight.', PUBLISHED);
    expect(d.map((x) => [x.expression, x.role])).toEqual([
      ['Monday', 'statement'],
      ['overnight', 'event'],
    ]);
    expect(role('Police said on Tuesday gunmen ambushed the convoy Sunday.', 'Sunday')).toBe('event');
  });

  it('keeps an incident noun’s date when a speech noun follows the incident, not the date', () => {
    expect(role("Monday's attack was condemned in a statement.", 'Monday')).toBe('event');
    expect(role('The strike Friday, a statement said, hit a depot.', 'Friday')).toBe('event');
  });

  it('flags a statement that reports an incident as its news, with the noun phrase in between', () => {
    const a = 'The army said in a Sunday statement that militants attacked two outposts.';
    const [d] = sentenceDates(a, PUBLISHED);
    expect(d.role).toBe('statement');
    expect(d.reportedVerbAt).toBe(a.indexOf('attacked'));
    const b = 'Jets struck a fuel depot, the ministry said in a Thursday statement.';
    const [c] = sentenceDates(b, PUBLISHED);
    expect(c.reportedVerbAt).toBe(b.indexOf('struck'));
    const [n] = sentenceDates('The ministry condemned the attack in a Thursday statement.', PUBLISHED);
    expect(n.reportedVerbAt).toBeNull();
  });
});

describe('other roles', () => {
  it('keeps starts of periods apart', () => {
    expect(role('Militias have launched dozens of attacks since March 3.', 'March 3')).toBe('since');
  });
});

describe('dates inside reported speech', () => {
  it('count "overnight" and weekdays from the day of the statement said before them, not from publication', () => {
    const [said, night] = sentenceDates('The army said on Monday that drones attacked the port overnight.', PUBLISHED);
    expect(said).toMatchObject({ role: 'statement', resolved: { start: '2024-05-20' } });
    expect(night.role).toBe('event');
    expect(night.resolved?.start).toBe('2024-05-19');
    expect(night.resolved?.method).toMatch(/day of the statement/);
    // with no statement before it, "overnight" counts from publication as before
    const [alone] = sentenceDates('Drones attacked the port overnight.', PUBLISHED);
    expect(alone.resolved?.start).toBe('2024-05-21');
  });
});
