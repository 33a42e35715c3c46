import { describe, expect, it } from 'vitest';
import { type Claim, Claim as ClaimSchema, type Event } from '../model/claims.ts';
import type { ClaimState } from '../model/commands.ts';
import type { SourceInfo } from './conflicts.ts';
import { GradeOverride, gradeAll, gradeEvent } from './grade.ts';
import { buildSeedCase } from '../../tests/unit/seed-case.ts';

const T = '2024-05-01T10:00:00.000Z';
const SOURCES: SourceInfo[] = [
  { id: 's_aaaaaa', name: 'Daily A', independenceGroup: 'wire-1' },
  { id: 's_bbbbbb', name: 'Daily B', independenceGroup: 'wire-1' },
  { id: 's_cccccc', name: 'Monitor C', independenceGroup: 'C' },
];
const EVENT: Event = {
  id: 'e1',
  title: 'Shelling',
  start: null,
  end: null,
  precision: null,
  place: null,
  placePrecision: null,
  type: null,
  actorIds: [],
  aggregate: false,
  note: '',
  created: T,
  modified: T,
};
let n = 0;
const common = (sourceId: string) => ({
  id: `g${++n}`,
  sourceId,
  annotationId: `an${n}`,
  eventId: 'e1',
  speaker: null,
  asOf: null,
  note: '',
  origin: { type: 'manual' as const },
  created: T,
  modified: T,
});
const note = (sourceId: string): Claim => ClaimSchema.parse({ kind: 'note', ...common(sourceId) });
const attribution = (sourceId: string, name: string, stance: string, attributedBy: string | null = null): Claim =>
  ClaimSchema.parse({ kind: 'attribution', ...common(sourceId), perpetrator: { name, actorId: null }, attributedBy, stance });
const BOOK = [
  { id: 'a-kh', name: "Kata'ib Hezbollah", aliases: ['KH'] },
  { id: 'a-is', name: 'Islamic State', aliases: ['ISIS'] },
];
const state = (claims: Claim[]): ClaimState => ({ annotations: [], claims, events: [EVENT], actors: BOOK });
const grade = (claims: Claim[]) => gradeEvent(state(claims), SOURCES, 'e1');

describe('the Airwars-style grade', () => {
  it('one independent group is weak, even from two outlets of one wire', () => {
    expect(grade([note('s_aaaaaa'), note('s_bbbbbb')]).grade).toBe('weak');
    expect(grade([]).why).toMatch(/No source/);
  });

  it('two independent groups are fair', () => {
    const g = grade([note('s_aaaaaa'), note('s_cccccc')]);
    expect(g).toMatchObject({ grade: 'fair', groups: ['wire-1', 'C'] });
  });

  it("a belligerent's acknowledgement confirms", () => {
    expect(grade([attribution('s_aaaaaa', 'KH', 'claimed')]).grade).toBe('confirmed');
    expect(grade([attribution('s_aaaaaa', 'Islamic State', 'confirmed', 'ISIS')]).grade).toBe('confirmed');
    // confirmed by someone else is an accusation with more weight, not an acknowledgement
    expect(grade([attribution('s_aaaaaa', 'Islamic State', 'confirmed', 'Pentagon')]).grade).toBe('weak');
  });

  it('competing claims of responsibility are contested; two spellings of one actor are not', () => {
    expect(grade([attribution('s_aaaaaa', 'KH', 'claimed'), attribution('s_cccccc', 'ISIS', 'claimed')]).grade).toBe('contested');
    expect(grade([attribution('s_aaaaaa', 'Kataib Hezbollah', 'claimed'), attribution('s_cccccc', 'Kitaeb Hizballah', 'claimed')]).grade).toBe('confirmed');
  });

  it('an override wins, keeps its note, and still shows what the rules give', () => {
    const o = GradeOverride.parse({ eventId: 'e1', grade: 'discounted', note: 'the dead were fighters', by: 'editor', at: T });
    const [g] = gradeAll(state([note('s_aaaaaa'), note('s_cccccc')]), SOURCES, [o]);
    expect(g).toMatchObject({ grade: 'discounted', computed: 'fair' });
    expect(g.why).toMatch(/the dead were fighters/);
    expect(GradeOverride.safeParse({ ...o, note: '' }).success).toBe(false);
  });

  it('grades the seed events', () => {
    const seed = buildSeedCase();
    const grades = new Map(gradeAll(seed.state, seed.sources).map((g) => [g.eventId, g.grade]));
    expect(grades.get('taji-2020-03-11')).toBe('fair'); // Clarion, Bloomberg (ThePrint), The Washington Post
    expect(grades.get('taji-2020-03-14')).toBe('weak'); // Clarion alone
    expect(grades.get('al-asad-2024-01-20')).toBe('confirmed'); // a claim of responsibility
  });
});
