// pdf.js's CMaps (Chinese, Japanese, Korean and other CID fonts) and standard font data for the
// page view, bundled from the local pdfjs-dist install: the UI works offline and under its CSP
// (same-origin files only), and a CJK PDF's pages draw their text and text layer.
const files = import.meta.glob(['../../node_modules/pdfjs-dist/cmaps/*.bcmap', '../../node_modules/pdfjs-dist/standard_fonts/*.{pfb,ttf}'], {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const byName = new Map<string, string>();
for (const [path, url] of Object.entries(files)) byName.set(path.slice(path.lastIndexOf('/') + 1), url);

/** pdf.js asks for "UniGB-UCS2-H.bcmap" or "FoxitSans.pfb"; each is one of the bundled files. */
class BundledDataFactory {
  async fetch({ filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const url = byName.get(filename);
    if (!url) throw new Error(`pdf.js data file ${filename} is not bundled`);
    const r = await fetch(url);
    if (!r.ok) throw new Error(`pdf.js data file ${filename} could not be loaded (${r.status})`);
    return new Uint8Array(await r.arrayBuffer());
  }
}

/** getDocument options: the factory serves the files; the URLs only tell pdf.js that the data exist. */
export const PDFJS_ASSETS = {
  cMapUrl: './pdfjs/cmaps/',
  cMapPacked: true,
  standardFontDataUrl: './pdfjs/standard_fonts/',
  useWorkerFetch: false,
  BinaryDataFactory: BundledDataFactory,
};
