import { describe, expect, it } from 'vitest';
import { mergeLine, partBox } from './geometry.ts';

// A US Letter page at scale 1, as pdf.js's viewport flips it: y grows downward from the top.
const PAGE = { w: 612, h: 792 };
const FLIP = [1, 0, 0, -1, 0, PAGE.h];

describe('partBox', () => {
  it('puts an item’s box on its baseline, in percent of the page', () => {
    const b = partBox({ transform: [11, 0, 0, 11, 72, 700], width: 200 }, 'x'.repeat(40), 0, 40, FLIP, PAGE.w, PAGE.h)!;
    expect(b.left).toBeCloseTo((72 / 612) * 100);
    expect(b.width).toBeCloseTo((200 / 612) * 100);
    // The box spans the baseline (792 - 700 = 92 from the top), mostly above it.
    const top = (b.top / 100) * PAGE.h;
    const bottom = ((b.top + b.height) / 100) * PAGE.h;
    expect(top).toBeLessThan(92 - 8);
    expect(bottom).toBeGreaterThan(92);
    expect(bottom).toBeLessThan(92 + 4);
  });

  it('measures part of an item in proportion to its characters, at any scale', () => {
    const whole = partBox({ transform: [11, 0, 0, 11, 72, 700], width: 200 }, 'x'.repeat(40), 0, 40, FLIP, PAGE.w, PAGE.h)!;
    const half = partBox({ transform: [11, 0, 0, 11, 72, 700], width: 200 }, 'x'.repeat(40), 20, 40, [2, 0, 0, -2, 0, PAGE.h * 2], PAGE.w * 2, PAGE.h * 2)!;
    expect(half.left).toBeCloseTo(whole.left + whole.width / 2);
    expect(half.width).toBeCloseTo(whole.width / 2);
    expect(half.top).toBeCloseTo(whole.top);
  });

  it('uses a text measure, when given, for where a part starts and ends', () => {
    // "iiWW": narrow letters then wide ones; the wide half takes most of the width.
    const measure = (s: string) => [...s].reduce((w, ch) => w + (ch === 'W' ? 3 : 1), 0);
    const g = { transform: [10, 0, 0, 10, 0, 700], width: 80 };
    const b = partBox(g, 'iiWW', 2, 4, FLIP, PAGE.w, PAGE.h, measure)!;
    expect((b.left / 100) * PAGE.w).toBeCloseTo(80 * (2 / 8));
    expect((b.width / 100) * PAGE.w).toBeCloseTo(80 * (6 / 8));
  });

  it('follows a rotated page', () => {
    // Rotated 90°: pdf.js's viewport transform maps user x to screen y.
    const b = partBox({ transform: [11, 0, 0, 11, 72, 700], width: 200 }, 'x'.repeat(40), 0, 40, [0, 1, 1, 0, 0, 0], PAGE.h, PAGE.w)!;
    expect(b.top).toBeCloseTo((72 / 612) * 100);
    expect(b.height).toBeCloseTo((200 / 612) * 100);
  });

  it('draws nothing for an empty item', () => {
    expect(partBox({ transform: [11, 0, 0, 11, 72, 700], width: 0 }, '', 0, 0, FLIP, PAGE.w, PAGE.h)).toBeNull();
  });
});

describe('mergeLine', () => {
  it('joins touching boxes on one line and keeps other lines apart', () => {
    const merged = mergeLine([
      { left: 10, top: 10, width: 10, height: 2 },
      { left: 20.5, top: 10, width: 5, height: 2 },
      { left: 10, top: 13, width: 8, height: 2 },
    ]);
    expect(merged).toEqual([
      { left: 10, top: 10, width: 15.5, height: 2 },
      { left: 10, top: 13, width: 8, height: 2 },
    ]);
  });
});
