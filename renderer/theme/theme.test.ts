// The colour schemes as the stylesheets define them: every highlight colour keeps 3:1 against the
// page, and the small grey text 4.5:1, in the light and the dark scheme; and the choice resolves.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseChoice, resolveScheme } from './theme.ts';

const here = dirname(fileURLToPath(import.meta.url));
const css = (f: string) => readFileSync(join(here, f), 'utf8');

/** The custom properties declared in the blocks of `source` whose selector is exactly `selector`. */
function vars(source: string, selector: string): Record<string, string> {
  const out: Record<string, string> = {};
  const block = new RegExp(`(?:^|[}/])\\s*${selector.replace(/[[\]().*+?^$|\\]/g, '\\$&')}\\s*\\{([^}]*)\\}`, 'g');
  for (const m of source.matchAll(block)) for (const d of m[1].matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) out[d[1]] = d[2].trim();
  return out;
}

const light = { ...vars(css('../styles.css'), ':root'), ...vars(css('theme.css'), ':root') };
const dark = { ...light, ...vars(css('theme.css'), ":root[data-theme='dark']") };

function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(m[1].slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

const KINDS = ['casualties', 'munitions', 'attribution', 'timing', 'note', 'count'];

describe.each([
  ['light', light],
  ['dark', dark],
])('the %s scheme', (_name, v) => {
  it('gives each highlight colour 3:1 against the page and the panels', () => {
    for (const k of KINDS) {
      for (const surface of ['--surface', '--surface-2', '--bg']) {
        expect(contrast(v[`--k-${k}`], v[surface]), `--k-${k} on ${surface}`).toBeGreaterThanOrEqual(3);
      }
    }
  });
  it('gives the kind letters 4.5:1: a claim’s on its kind colour, a suggestion’s (the kind colour) on its own background', () => {
    for (const k of KINDS) {
      expect(contrast(v['--k-letter'], v[`--k-${k}`]), `--k-letter on --k-${k}`).toBeGreaterThanOrEqual(4.5);
      // A suggestion's letter draws its own --surface background (suggestions.css), whatever panel it is in.
      expect(contrast(v[`--k-${k}`], v['--surface']), `--k-${k} letter on --surface`).toBeGreaterThanOrEqual(4.5);
    }
  });
  it('gives text and small grey text 4.5:1 on every surface', () => {
    for (const text of ['--text', '--text-2', '--muted', '--accent-strong']) {
      for (const surface of ['--surface', '--surface-2', '--bg']) {
        expect(contrast(v[text], v[surface]), `${text} on ${surface}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});

describe('the scheme chosen', () => {
  it('follows the system unless light or dark is picked', () => {
    expect(resolveScheme('system', true)).toBe('dark');
    expect(resolveScheme('system', false)).toBe('light');
    expect(resolveScheme('light', true)).toBe('light');
    expect(resolveScheme('dark', false)).toBe('dark');
    expect(parseChoice('dark')).toBe('dark');
    expect(parseChoice('sepia')).toBe('system');
    expect(parseChoice(null)).toBe('system');
  });
  it('differs between the schemes', () => {
    expect(dark['--surface']).not.toBe(light['--surface']);
    expect(light['--k-casualties']).toBeDefined();
  });
});
