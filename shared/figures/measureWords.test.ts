import { describe, expect, it } from 'vitest';
import { KNOWN_MEASURES } from '../model/claims.ts';
import { measureWords } from './measureWords.ts';

describe('measureWords', () => {
  it('says a measure as a reader would', () => {
    expect(measureWords('wounded_serious')).toBe('seriously wounded');
    expect(measureWords('rockets_fired')).toBe('rockets fired');
    expect(measureWords('killed')).toBe('killed');
    expect(measureWords('civilians_displaced')).toBe('civilians displaced');
  });
  it('shows no engine key for any measure the form offers', () => {
    for (const m of Object.values(KNOWN_MEASURES).flat()) expect(measureWords(m)).not.toMatch(/_/);
  });
});
