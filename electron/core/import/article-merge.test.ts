import { describe, expect, it } from 'vitest';
import { mergeArticle, withArticleParagraphs } from './article-merge.ts';

describe('withArticleParagraphs', () => {
  it('puts a paragraph Readability has and ours lacks after the paragraph before it, keeping ours whole', () => {
    const ours = 'By Lina Haddad\n\nFirst paragraph of the report.\n\nSecond paragraph.';
    const readability = 'First paragraph of the report.\n\nA paragraph only Readability found.\n\nSecond paragraph.';
    expect(withArticleParagraphs(ours, readability)).toBe(
      'By Lina Haddad\n\nFirst paragraph of the report.\n\nA paragraph only Readability found.\n\nSecond paragraph.',
    );
  });

  it('matches paragraphs spacing aside, and puts one missing before any found at the top', () => {
    const ours = 'Headline\n\nThe  council\nmet on Monday.';
    expect(withArticleParagraphs(ours, 'Lead text.\n\nThe council met on Monday.\n\nEnd of the sentence, loose.')).toBe(
      'Lead text.\n\nHeadline\n\nThe  council\nmet on Monday.\n\nEnd of the sentence, loose.',
    );
  });

  it('finds each paragraph after the one before it across a long text, so a missing one goes to its place', () => {
    const paras = Array.from({ length: 3000 }, (_, i) => `Paragraph ${i} of the report.`);
    const ours = paras.filter((_, i) => i !== 2500).join('\n\n');
    expect(withArticleParagraphs(ours, paras.join('\n\n'))).toBe(paras.join('\n\n'));
  });

  it('adds nothing when ours holds every paragraph', () => {
    const ours = 'A.\n\nB and C.';
    expect(withArticleParagraphs(ours, 'B and C.')).toBe(ours);
  });
});

describe('mergeArticle', () => {
  it("takes Readability's article with the head of ours when ours spans far more than the article", () => {
    const article = 'The only story on the page, told in one long paragraph of reporting.';
    const ours = `Front page\n\nBy Omar Farouk\n\n${article}\n\n${'Teaser for another story. '.repeat(20)}`;
    expect(mergeArticle(ours, article)).toBe(`Front page\n\nBy Omar Farouk\n\n${article}`);
  });

  it('keeps ours with the paragraphs it lacks when it is about as long as the article', () => {
    const [one, two, three] = [1, 2, 3].map((n) => `Paragraph ${n} of the report, long enough to be a paragraph of reporting.`);
    expect(mergeArticle(`By Omar Farouk\n\n${one}\n\n${two}`, `${one}\n\n${two}\n\n${three}`)).toBe(`By Omar Farouk\n\n${one}\n\n${two}\n\n${three}`);
  });
});
