// Made-up web pages of one shape each, filled to a given size, for the HTML memory bound (issue 12:
// every page Corroborate accepts imports in under 1 GB): the shapes that cost the DOM and the article
// rules the most per byte. Each comes with its words as plain text, the reference a bench measures
// beside it.
const sentence = (i: number) => `Officials said ${i % 40} rockets struck the base early on Friday, wounding ${i % 7} soldiers near gate ${i}.`;

export interface HtmlPage {
  /** What the page is made of, for the bench's row. */
  shape: string;
  /** Its start tags. */
  elements: number;
  html: string;
  /** The page's sentences as a text file would hold them. */
  text: string;
}

const SHAPES: Array<{ shape: string; open: string; unit: (i: number) => string; close: string }> = [
  { shape: 'paragraphs', open: '', unit: (i) => `<p>${sentence(i)}</p>\n`, close: '' },
  { shape: 'lines split by <br>', open: '<div>', unit: (i) => `${sentence(i)}<br>\n`, close: '</div>' },
  {
    shape: 'a table of short cells',
    open: '<table>',
    unit: (i) => `<tr><td>${i}</td><td>${i % 40}</td><td>rockets</td><td>gate ${i}</td></tr>\n`,
    close: '</table>',
  },
  {
    shape: 'a span per word',
    open: '',
    unit: (i) =>
      `<p>${sentence(i)
        .split(' ')
        .map((w) => `<span class="w">${w}</span>`)
        .join(' ')}</p>\n`,
    close: '',
  },
];

// Start tags, and the doctype, which the bound counts among the nodes too.
const startTags = (html: string) => (html.match(/<[a-z!]/g) ?? []).length;

/** One page of each shape, each at most `bytes` long (ASCII: a byte a character) and with at most `elements` start tags. */
export function htmlPages(bytes: number, elements = Number.POSITIVE_INFINITY): HtmlPage[] {
  return SHAPES.map(({ shape, open, unit, close }) => {
    const head = `<!doctype html><html><head><title>A long report</title></head><body><article><h1>A long report</h1>${open}`;
    const tail = `${close}</article></body></html>`;
    const parts: string[] = [];
    const words: string[] = [];
    let size = head.length + tail.length;
    let tags = startTags(head);
    for (let i = 0; ; i++) {
      const u = unit(i);
      if (size + u.length > bytes || tags + startTags(u) > elements) break;
      tags += startTags(u);
      parts.push(u);
      words.push(
        u
          .replace(/<[^>]*>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      );
      size += u.length;
    }
    return { shape, elements: tags, html: head + parts.join('') + tail, text: `A long report\n\n${words.join('\n\n')}\n` };
  });
}
