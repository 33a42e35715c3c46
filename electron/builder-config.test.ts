// The built app's configuration (electron-builder.yml): Electron's fuses set as its security checklist
// asks, every fuse name one electron-builder knows (a misspelt fuse is silently ignored), and the
// Electron it packages on a supported major.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as { electronFuses?: Record<string, boolean>; asar?: boolean };
const scheme = require('app-builder-lib/scheme.json') as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };

/** The checklist's answer for each fuse Electron has (FuseV1Options), by electron-builder's name for it. */
const WANTED: Record<string, boolean> = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

describe('the packaged app (electron-builder.yml)', () => {
  it('sets every security fuse as the checklist asks', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual(expect.objectContaining(WANTED));
  });

  it('names only fuses electron-builder knows, and decides every fuse this Electron has (but the V8 snapshot one)', () => {
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    for (const name of Object.keys(config.electronFuses ?? {})) expect(known, name).toContain(name);
    const electronFuses = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    const decided = new Set(Object.keys(config.electronFuses ?? {}).map((k) => k.toLowerCase()));
    for (const fuse of electronFuses) {
      if (fuse === 'LoadBrowserProcessSpecificV8Snapshot') continue; // a start-up speed option, not a security one
      expect(decided, `fuse ${fuse}`).toContain(fuse.toLowerCase());
    }
  });

  it('packages Electron 45 or later (41 is past its support window)', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(Number(/\d+/.exec(pkg.devDependencies.electron)?.[0])).toBeGreaterThanOrEqual(45);
    const installed = require('electron/package.json') as { version: string };
    expect(Number(installed.version.split('.')[0])).toBeGreaterThanOrEqual(45);
  });
});
