import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LaunchArgsError, parseLaunchArgs } from './launch-args.ts';

describe('parseLaunchArgs', () => {
  it('reads --data-dir and --port in both spellings, resolving the folder against cwd', () => {
    expect(parseLaunchArgs(['--data-dir', 'cases', '--port', '5174'], '/home/u')).toEqual({ dataDir: resolve('/home/u', 'cases'), port: 5174 });
    expect(parseLaunchArgs(['--data-dir=/data', '--port=0'], '/x')).toEqual({ dataDir: resolve('/data'), port: 0 });
  });

  it('ignores switches it does not own (Electron and Chromium add their own)', () => {
    expect(parseLaunchArgs(['/app', '--no-sandbox', '--inspect=9229', '--data-dir', '/d'], '/')).toEqual({ dataDir: resolve('/d') });
    expect(parseLaunchArgs([], '/')).toEqual({});
  });

  it('says what is wrong with a missing or bad value', () => {
    expect(() => parseLaunchArgs(['--data-dir'])).toThrow(LaunchArgsError);
    expect(() => parseLaunchArgs(['--data-dir', '--port', '1'])).toThrow(/--data-dir needs a value/);
    expect(() => parseLaunchArgs(['--port', 'abc'])).toThrow(/--port must be a whole number/);
    expect(() => parseLaunchArgs(['--port', '70000'])).toThrow(LaunchArgsError);
  });
});
