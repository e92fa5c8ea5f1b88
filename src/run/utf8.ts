// A string's UTF-8 bytes in an ArrayBuffer of their own, for handing over between threads
// (transferred, not copied): the rendered files (src/run/stages.ts) and pass 1's document header
// (src/run/changes.ts).

const PIECE = 1 << 20;
/** The scratch buffer kept between calls: up to this many bytes (a larger one is made for the occasion and let go). */
const SCRATCH_KEPT = 16 << 20;
let scratch = Buffer.allocUnsafeSlow(PIECE);

/**
 * Encoded once: into the scratch buffer (room for 3 bytes per UTF-16 unit, the most UTF-8 needs),
 * then copied out at their exact size. TextEncoder.encode walks the string twice (its UTF-8
 * length, then the bytes) and a copy costs less than the second walk.
 */
export function utf8(text: string): Uint8Array {
  const need = text.length * 3;
  let buf = scratch;
  if (need > buf.length) {
    buf = Buffer.allocUnsafeSlow(need);
    if (need <= SCRATCH_KEPT) scratch = buf;
  }
  const n = buf.write(text, 'utf8');
  return new Uint8Array(buf.buffer, buf.byteOffset, n).slice();
}
