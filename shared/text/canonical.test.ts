import { describe, expect, it } from 'vitest';
import { canonicalize, paragraphs, detectDirection, detectLanguage } from './canonical.ts';

describe('canonicalize', () => {
  it('composes to NFC so one letter typed two ways is one string', () => {
    expect(canonicalize('cafe\u0301')).toBe('caf\u00e9');
  });

  it('turns CRLF and CR into LF', () => {
    expect(canonicalize('one\r\ntwo\rthree')).toBe('one\ntwo\nthree');
  });

  it('makes tabs, NBSP and other Unicode spaces plain, collapses runs and trims lines', () => {
    expect(canonicalize('  a\t\tb\u00a0\u00a0c\u2009d\u3000e  ')).toBe('a b c d e');
  });

  it('removes zero-width and control characters but keeps line breaks, ZWJ and ZWNJ', () => {
    expect(canonicalize('in\u200Bvis\u00ADible\u0007 \uFEFFtext\nnext')).toBe('invisible text\nnext');
    expect(canonicalize('\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645')).toContain('\u200c');
  });

  it('separates paragraphs by exactly one blank line', () => {
    expect(canonicalize('\n\nfirst\n\n\n\n  \n second \n\n\n')).toBe('first\n\nsecond');
  });

  it('keeps short lines of a block on their own lines', () => {
    expect(canonicalize('Camp Taji\nBaghdad\nIraq')).toBe('Camp Taji\nBaghdad\nIraq');
    expect(canonicalize('Headline of the piece\nMarch 13, 2020')).toBe('Headline of the piece\nMarch 13, 2020');
  });

  it('unwraps hard-wrapped prose into one line per paragraph', () => {
    const wrapped = [
      'The officials said on Thursday that the base had been hit by a number of',
      'rockets fired from a truck parked a few miles away, and that the damage was',
      'still being assessed by the teams on the ground.',
      '',
      'A second paragraph stays apart.',
    ].join('\n');
    expect(canonicalize(wrapped)).toBe(
      'The officials said on Thursday that the base had been hit by a number of rockets fired from a truck parked a few miles away, and that the damage was still being assessed by the teams on the ground.\n\nA second paragraph stays apart.',
    );
  });

  it('does not unwrap a list of full sentences', () => {
    const list = 'This line is a complete sentence of a decent length here.\nThis line is another complete sentence of similar size.';
    expect(canonicalize(list)).toBe(list);
  });

  it('is idempotent', () => {
    const samples = [
      'a\r\n\r\n\r\nb  c\n\n\td',
      'x'.repeat(50) + ' mid\n' + 'y'.repeat(52) + '\nshort\n' + 'z'.repeat(49) + ' and\n' + 'w'.repeat(45),
      'Title\n\nline one of text that goes on for a while and\nline two of the text that goes on for a while\nend.',
    ];
    for (const s of samples) expect(canonicalize(canonicalize(s))).toBe(canonicalize(s));
  });
});

describe('paragraphs', () => {
  it('gives the span of each paragraph', () => {
    const text = 'one\ntwo\n\nthree\n\nfour';
    const spans = paragraphs(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['one\ntwo', 'three', 'four']);
    expect(paragraphs('')).toEqual([]);
  });
});

describe('direction and language', () => {
  it('tells right-to-left scripts', () => {
    expect(detectDirection('قالت وزارة الدفاع إن الهجوم وقع يوم الأربعاء')).toBe('rtl');
    expect(detectDirection('שלום עולם וזה טקסט בעברית')).toBe('rtl');
    expect(detectDirection('The ministry said the attack happened on Wednesday')).toBe('ltr');
  });

  it('guesses common languages and says null when unsure', () => {
    expect(
      detectLanguage('The ministry said that the attack on the base was carried out by a group and that it was the first of its kind in the region.'),
    ).toBe('en');
    expect(
      detectLanguage(
        'Le ministère a déclaré que les tirs sur la base étaient le fait des milices et que les dégâts sont en cours de constatation pour le moment.',
      ),
    ).toBe('fr');
    expect(detectLanguage('Das Ministerium sagte, dass der Angriff auf die Basis von einer Miliz durchgeführt wurde und die Schäden nicht klar sind.')).toBe(
      'de',
    );
    expect(detectLanguage('قالت وزارة الدفاع إن الهجوم على القاعدة نفذته ميليشيا مدعومة')).toBe('ar');
    expect(detectLanguage('12 34 56')).toBeNull();
  });
});
