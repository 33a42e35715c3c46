// Rolling backups: timestamped copies of a file in a backups folder, the newest N kept.
import fs from 'node:fs/promises';
import path from 'node:path';
import { TEMP_FILE, copyFileDurable, isLiveTemp } from './durable.ts';

export interface BackupFile {
  name: string;
  created: Date;
}

/** `<prefix>2024-05-01T12-00-00.123Z[-n].json`: no colons, so the names are valid on Windows too. */
const stamp = (d: Date): string => d.toISOString().replace(/:/g, '-');
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const namePattern = (prefix: string): RegExp =>
  new RegExp(`^${escapeRe(prefix)}(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2}\\.\\d{3})Z(?:-(\\d+))?\\.json$`);

export function parseBackupName(name: string, prefix: string): { created: Date; seq: number } | null {
  const m = namePattern(prefix).exec(name);
  if (!m) return null;
  const created = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`);
  return Number.isNaN(created.getTime()) ? null : { created, seq: m[5] ? Number(m[5]) : 0 };
}

/** Backups in `dir` whose names start with `prefix`, newest first. */
export async function listBackupFiles(dir: string, prefix: string): Promise<BackupFile[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return names
    .map((name) => ({ name, parsed: parseBackupName(name, prefix) }))
    .filter((b): b is { name: string; parsed: { created: Date; seq: number } } => b.parsed !== null)
    .sort((a, b) => b.parsed.created.getTime() - a.parsed.created.getTime() || b.parsed.seq - a.parsed.seq)
    .map((b) => ({ name: b.name, created: b.parsed.created }));
}

async function sameBytes(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
  if (sa.size !== sb.size) return false;
  const [ba, bb] = await Promise.all([fs.readFile(a), fs.readFile(b)]);
  return ba.equals(bb);
}

export interface BackupOptions {
  /** How many backups of this file to keep. */
  keep: number;
  /** Skip the copy when the newest backup already holds these exact bytes. */
  skipIfUnchanged?: boolean;
  now?: Date;
}

/**
 * Copies `file` into `dir` as a new backup (durably), then deletes all but the newest `keep`.
 * Returns the new backup's name, or null when there was nothing to copy.
 */
export async function backupFile(file: string, dir: string, prefix: string, options: BackupOptions): Promise<string | null> {
  try {
    await fs.access(file);
  } catch {
    return null;
  }
  await fs.mkdir(dir, { recursive: true });
  const existing = await listBackupFiles(dir, prefix);
  if (options.skipIfUnchanged && existing[0] && (await sameBytes(file, path.join(dir, existing[0].name)))) return null;
  const base = `${prefix}${stamp(options.now ?? new Date())}`;
  const taken = new Set(existing.map((b) => b.name));
  let name = `${base}.json`;
  for (let n = 1; taken.has(name); n++) name = `${base}-${n}.json`;
  await copyFileDurable(file, path.join(dir, name));
  await pruneBackups(dir, prefix, options.keep);
  return name;
}

/** Deletes all but the newest `keep` backups, and any temp file a crash left mid-copy (callers hold the case lock). */
export async function pruneBackups(dir: string, prefix: string, keep: number): Promise<void> {
  const all = await listBackupFiles(dir, prefix);
  const stray = (await fs.readdir(dir)).filter((n) => TEMP_FILE.test(n) && !isLiveTemp(path.join(dir, n)));
  const doomed = [...all.slice(Math.max(keep, 1)).map((b) => b.name), ...stray];
  await Promise.all(doomed.map((n) => fs.rm(path.join(dir, n), { force: true })));
}
