// UTF-8 codecs exist in every runtime shared/ runs in (browsers, Node, Electron), but in neither
// the ES library types nor a host's: declare just what shared/ uses.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
