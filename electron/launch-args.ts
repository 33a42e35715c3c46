// The few options `npm start` and the Electron main process accept. Anything else on the command
// line is left alone: Electron and Chromium add switches of their own.
import { resolve } from 'node:path';

export interface LaunchArgs {
  /** Where cases live (`--data-dir DIR`). */
  dataDir?: string;
  /** Browser mode: the loopback port (`--port N`; default random). */
  port?: number;
}

export class LaunchArgsError extends Error {}

export function parseLaunchArgs(argv: readonly string[], cwd = process.cwd()): LaunchArgs {
  const out: LaunchArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag !== '--data-dir' && flag !== '--port') continue;
    const value = inline ?? argv[++i];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
      throw new LaunchArgsError(`${flag} needs a value.`);
    }
    if (flag === '--data-dir') out.dataDir = resolve(cwd, value);
    else {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new LaunchArgsError(`--port must be a whole number from 0 to 65535, not “${value}”.`);
      out.port = port;
    }
  }
  return out;
}
