import { describe, expect, it } from 'vitest';
import { MAX_BUNDLE_BYTES } from '../../shared/limits.ts';
import { bundleFileProblem, mergeSummary } from './bundleFile.ts';

describe('bundleFileProblem', () => {
  it('refuses a file over the bundle limit before reading it, naming the file and the limit', () => {
    const p = bundleFileProblem({ name: 'huge.zip', size: MAX_BUNDLE_BYTES + 1 });
    expect(p).toMatch(/huge\.zip/);
    expect(p).toMatch(/more than the 1024 MB/);
  });
  it('accepts a file at the limit, and refuses an empty one', () => {
    expect(bundleFileProblem({ name: 'a.zip', size: MAX_BUNDLE_BYTES })).toBeNull();
    expect(bundleFileProblem({ name: 'a.zip', size: 0 })).toMatch(/empty/);
  });
});

describe('mergeSummary', () => {
  it('counts what was added and updated, and the clashes kept for review', () => {
    expect(mergeSummary({ added: 3, updated: 1, unchanged: 5, clashes: 2, nothingChanged: false })).toBe(
      'Merged: 3 added, 1 updated, 2 clashes kept for review.',
    );
    expect(mergeSummary({ added: 1, updated: 0, unchanged: 0, clashes: 1, nothingChanged: false })).toBe(
      'Merged: 1 added, 0 updated, 1 clash kept for review.',
    );
    expect(mergeSummary({ added: 1, updated: 0, unchanged: 0, clashes: 0, nothingChanged: false })).toMatch(/no clashes/);
  });
  it('says so when the bundle brought nothing new', () => {
    expect(mergeSummary({ added: 0, updated: 0, unchanged: 7, clashes: 0, nothingChanged: true })).toMatch(/^Nothing to merge.*7 records unchanged/);
  });
});
