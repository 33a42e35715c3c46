import { describe, expect, it } from 'vitest';
import { caretStep } from './caretBrowsing.ts';

const key = (k: string, mods: Partial<{ shiftKey: boolean; altKey: boolean; ctrlKey: boolean }> = {}) =>
  caretStep({ key: k, shiftKey: false, altKey: false, ctrlKey: false, ...mods });

describe('caret browsing keys', () => {
  it('move the caret by a character, with Ctrl or Alt by a word, by a line, to a line’s ends', () => {
    expect(key('ArrowRight')).toEqual({ alter: 'move', direction: 'forward', granularity: 'character' });
    expect(key('ArrowLeft', { ctrlKey: true })).toEqual({ alter: 'move', direction: 'backward', granularity: 'word' });
    expect(key('ArrowRight', { altKey: true })?.granularity).toBe('word');
    expect(key('ArrowDown')).toEqual({ alter: 'move', direction: 'forward', granularity: 'line' });
    expect(key('Home')).toEqual({ alter: 'move', direction: 'backward', granularity: 'lineboundary' });
  });
  it('with Shift extend the selection: ← → by a word as before, with Alt by a character, ↑ ↓ by a line', () => {
    expect(key('ArrowRight', { shiftKey: true })).toEqual({ alter: 'extend', direction: 'forward', granularity: 'word' });
    expect(key('ArrowLeft', { shiftKey: true, altKey: true })).toEqual({ alter: 'extend', direction: 'backward', granularity: 'character' });
    expect(key('ArrowUp', { shiftKey: true })).toEqual({ alter: 'extend', direction: 'backward', granularity: 'line' });
  });
  it('leave every other key alone (Ctrl+Home scrolls, letters tag, ] and [ select sentences)', () => {
    for (const k of ['c', ']', '[', 'PageDown', ' ', 'Enter']) expect(key(k)).toBeNull();
    expect(key('Home', { ctrlKey: true })).toBeNull();
    expect(key('ArrowUp', { altKey: true })).toBeNull();
  });
});
