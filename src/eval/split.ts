// The train/held-out split of ../shared/bench used by scripts/train-cleaner.ts: one page in
// five, by a hash of its id, is never trained on. `npm run eval -- FILE --held-out` scores only
// those pages, so the furniture model's figures can be read without its training pages.
import { createHash } from 'node:crypto';

export function isHeldOut(id: string): boolean {
  return (createHash('sha1').update(id).digest()[0] ?? 0) % 5 === 0;
}
