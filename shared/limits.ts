// Limits the UI checks before reading a file and the core enforces again, whoever calls it.
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** A web page is parsed into a DOM that needs many times its size; past this it is refused before reading. */
export const MAX_HTML_BYTES = 5 * 1024 * 1024;
/** A bundle carries its originals; this bounds what is read into memory before it is checked. */
export const MAX_BUNDLE_BYTES = 1024 * 1024 * 1024;
export const MAX_PASTE_CHARS = 5_000_000;
export const MAX_PANES = 4;
export const IMPORTABLE_EXTENSIONS = ['txt', 'text', 'md', 'html', 'htm', 'xhtml', 'pdf'] as const;

export const formatBytes = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(n >= 10 * 1024 * 1024 ? 0 : 1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`;

export const extensionOf = (name: string): string => {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  return m ? m[1].toLowerCase() : '';
};

/** The largest file of this name that can be imported (HTML pages have their own, lower bound). */
export const importLimitFor = (name: string): number => (['html', 'htm', 'xhtml'].includes(extensionOf(name)) ? MAX_HTML_BYTES : MAX_IMPORT_BYTES);

export const isImportable = (name: string): boolean => (IMPORTABLE_EXTENSIONS as readonly string[]).includes(extensionOf(name));
