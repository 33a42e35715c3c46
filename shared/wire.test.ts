import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame } from './wire.ts';

describe('wire frames', () => {
  it('carry bytes after the JSON and bring them back as Uint8Array', () => {
    const value = { name: 'a.txt', data: new Uint8Array([1, 2, 3]), empty: new Uint8Array(0) };
    const back = decodeFrame(encodeFrame(value)) as typeof value;
    expect(back.data).toEqual(new Uint8Array([1, 2, 3]));
    expect(back.empty).toBeInstanceOf(Uint8Array);
    expect(back.empty.byteLength).toBe(0);
  });
  it('give back a frame without bytes as it was, a text that names the key included', () => {
    const value = { ok: true, value: { text: 'A report quoting "$bytes" and {"$bytes":[0,1]} in its words.', n: [1, null] } };
    expect(decodeFrame(encodeFrame(value))).toEqual(value);
  });
  it('refuse a blob reference outside the frame', () => {
    const head = new TextEncoder().encode('{"x":{"$bytes":[0,10]}}');
    const frame = new Uint8Array(4 + head.byteLength);
    new DataView(frame.buffer).setUint32(0, head.byteLength);
    frame.set(head, 4);
    expect(() => decodeFrame(frame)).toThrow(/out of range/);
  });
});
