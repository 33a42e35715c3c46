// Zip bombs for tests and benchmarks, written byte by byte: one deflated block of zeros reused for every
// entry, so a 2,040 × 1 MiB bundle (2 GB when inflated) is made in milliseconds and takes ~2 MB.
import { crc32, deflateRawSync } from 'node:zlib';

export interface BombOptions {
  entries: number;
  /** Each entry's uncompressed size. */
  entryBytes: number;
  /** The name of entry i (default: originals named as a bundle's are, so the name check lets them through). */
  name?: (i: number) => string;
}

const hex64 = (i: number) => i.toString(16).padStart(64, '0');

export function zipBomb({ entries, entryBytes, name = (i) => `originals/${hex64(i)}.txt` }: BombOptions): Uint8Array {
  const zeros = new Uint8Array(entryBytes);
  const packed = deflateRawSync(zeros, { level: 9 });
  const crc = crc32(zeros) >>> 0;
  const enc = new TextEncoder();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (let i = 0; i < entries; i++) {
    const n = enc.encode(name(i));
    const local = Buffer.alloc(30 + n.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(entryBytes, 22);
    local.writeUInt16LE(n.length, 26);
    local.set(n, 30);
    const central = Buffer.alloc(46 + n.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(entryBytes, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    central.set(n, 46);
    locals.push(local, packed);
    centrals.push(central);
    offset += local.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries, 8);
  eocd.writeUInt16LE(entries, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd]));
}
