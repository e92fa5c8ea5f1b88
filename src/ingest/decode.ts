// Bytes -> text. Every format goes through here (JSONL line by line), so the rules are the same everywhere:
// UTF-8 BOM stripped; UTF-16 LE/BE with a BOM decoded as UTF-16; otherwise strict UTF-8.
// A NUL byte outside UTF-16 means "binary file". Byte offsets in messages are 0-based file offsets.

export type Bom = 'utf-8' | 'utf-16le' | 'utf-16be';

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

/** The byte order mark at the start of `bytes`, if any. */
export function detectBom(bytes: Uint8Array): Bom | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

export function bomLength(bom: Bom | undefined): number {
  return bom === 'utf-8' ? 3 : bom === undefined ? 0 : 2;
}

// fatal: throw instead of inserting U+FFFD. ignoreBOM: keep any U+FEFF in the text, because we remove
// the leading BOM ourselves (a second BOM is content, and offsets must stay honest).
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decode a whole file's bytes. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const bom = detectBom(bytes);
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    try {
      const text = new TextDecoder(bom, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
      return { ok: true, text };
    } catch {
      // Odd byte count or an unpaired surrogate.
      return { ok: false, message: `invalid ${bom === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'} text` };
    }
  }
  const start = bomLength(bom);
  const nul = bytes.indexOf(0, start);
  if (nul !== -1) return { ok: false, message: `binary file (NUL byte at byte ${nul})` };
  return decodeUtf8(bytes.subarray(start), start);
}

/**
 * Strict UTF-8 decode of `bytes`; `base` is the file offset of bytes[0], so the message names
 * the offset in the file, not in the slice.
 */
export function decodeUtf8(bytes: Uint8Array, base = 0): Decoded {
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    // TextDecoder does not say where; find it ourselves (only on the failure path, so no cost otherwise).
    const at = firstInvalidUtf8(bytes);
    return { ok: false, message: `invalid UTF-8 at byte ${base + Math.max(at, 0)}` };
  }
}

/**
 * Offset of the first byte that starts an ill-formed UTF-8 sequence, or -1 if all is well.
 * Follows the Unicode "well-formed UTF-8 byte sequences" table (no overlongs, no surrogates,
 * nothing above U+10FFFF); a sequence cut short by the end of the buffer counts as ill-formed.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80; // allowed range of the second byte
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b === 0xe0) [need, lo] = [2, 0xa0];
    else if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) need = 2;
    else if (b === 0xed) [need, hi] = [2, 0x9f];
    else if (b === 0xf0) [need, lo] = [3, 0x90];
    else if (b >= 0xf1 && b <= 0xf3) need = 3;
    else if (b === 0xf4) [need, hi] = [3, 0x8f];
    else return i; // continuation byte without a lead, C0/C1, F5..FF
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const [min, max] = k === 1 ? [lo, hi] : [0x80, 0xbf];
      if (c === undefined || c < min || c > max) return i;
    }
    i += need + 1;
  }
  return -1;
}
