// Download doorway pages: pages made to rank for one product name plus "download", "driver",
// "free", "Windows 10": the same name in most kept sentences, and most of them about getting the
// file. Their sentences are written to be found, not read; nothing on them is worth keeping, so
// no claims either. Settings and the vocabulary are in rules.json (`doorway`), each with its reason.
import type { Doc, Segment } from '../types.js';
import rulesFile from './rules.json' with { type: 'json' };

const vocabulary = new RegExp(rulesFile.doorway.vocabulary.pattern, 'iu');
const stopWords = new Set(rulesFile.doorway.stopWords.words);

/** The thresholds in force (settings section `quality.doorway`). */
export type DoorwaySettings = Pick<typeof rulesFile.doorway, 'minSegments' | 'minRepeatedShare' | 'minDownloadShare'>;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

export interface DoorwayVerdict {
  /** The word pair repeated across the page ("brother hl-l2350dw"). */
  phrase: string;
  /** Share of kept segments holding it, and share holding the download vocabulary. */
  repeated: number;
  downloads: number;
}

/** The verdict when the kept segments read as a download doorway page, else undefined. */
export function doorwayPage(kept: readonly Segment[], settings: DoorwaySettings = rulesFile.doorway): DoorwayVerdict | undefined {
  if (kept.length < settings.minSegments.value) return undefined;
  // Too few download words: no verdict, whatever the pairs (counting them was most of the cost).
  // The count stops as soon as even every segment left holding them would not reach the share.
  let downloads = 0;
  for (let i = 0; i < kept.length; i++) {
    if ((downloads + kept.length - i) / kept.length < settings.minDownloadShare.value) return undefined;
    if (vocabulary.test(kept[i]!.text)) downloads++;
  }
  const share = downloads / kept.length;
  if (share < settings.minDownloadShare.value) return undefined;
  const pairs = new Map<string, number>();
  for (const s of kept) {
    const words = (s.text.match(WORD) ?? []).map((w) => w.toLowerCase().replace(/\.$/u, ''));
    const seen = new Set<string>();
    for (let i = 0; i + 1 < words.length; i++) {
      const a = words[i]!, b = words[i + 1]!;
      if (!stopWords.has(a) && !stopWords.has(b)) seen.add(`${a} ${b}`);
    }
    for (const p of seen) pairs.set(p, (pairs.get(p) ?? 0) + 1);
  }
  let phrase = '', most = 0;
  // Ties go to the first pair in sorted order, so the verdict never depends on Map order.
  for (const [p, n] of [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) if (n > most) [phrase, most] = [p, n];
  const repeated = most / kept.length;
  if (repeated < settings.minRepeatedShare.value) return undefined;
  return { phrase, repeated, downloads: share };
}

/** Removes every kept segment of a download doorway page (kind ad, rule download-doorway). */
export function removeDoorway(doc: Doc, settings: DoorwaySettings, remove: (segment: Segment, why: string) => void): void {
  const kept = doc.segments.filter((s) => s.status === 'kept');
  const verdict = doorwayPage(kept, settings);
  if (!verdict) return;
  const why = `download doorway page: "${verdict.phrase}" in ${Math.round(verdict.repeated * 100)}% of kept segments, download words in ${Math.round(verdict.downloads * 100)}%`;
  for (const s of kept) remove(s, why);
}
