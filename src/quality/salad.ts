// Word-salad signals: auto-summaries and spinners splice fragments of the page's own sentences.
// For each segment, in document order, against the segments before it:
// - recycled: the share of its word n-grams already seen earlier in the document (n-grams seen
//   in many earlier segments are the page's topic phrases and are not counted);
// - bestSource: the largest share covered by any ONE earlier segment (a real repeat has one
//   source, which dedupe handles; a splice has several);
// - midStart: its first n-gram was seen earlier, but not at the start of a segment.

export interface SaladSignals {
  recycled: number;
  bestSource: number;
  midStart: boolean;
  grams: number;
}

const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

export function saladSignals(texts: string[], n: number, commonAfter: number): SaladSignals[] {
  const seen = new Map<string, number[]>(); // n-gram -> earlier segments holding it
  const seenInside = new Set<string>(); // n-grams seen at a non-initial position
  return texts.map((text, i) => {
    const w = words(text);
    const grams = new Set<string>();
    let first: string | undefined;
    for (let k = 0; k + n <= w.length; k++) {
      const g = w.slice(k, k + n).join(' ');
      first ??= g;
      grams.add(g);
    }
    let counted = 0;
    let hit = 0;
    const bySource = new Map<number, number>();
    for (const g of grams) {
      const sources = seen.get(g);
      if (sources && sources.length >= commonAfter) continue; // topic phrase
      counted++;
      if (!sources) continue;
      hit++;
      for (const src of sources) bySource.set(src, (bySource.get(src) ?? 0) + 1);
    }
    const best = Math.max(0, ...bySource.values());
    const signals = {
      recycled: counted ? hit / counted : 0,
      bestSource: counted ? best / counted : 0,
      midStart: first !== undefined && seenInside.has(first),
      grams: counted,
    };
    let k = 0;
    for (let j = 0; j + n <= w.length; j++, k++) {
      const g = w.slice(j, j + n).join(' ');
      const list = seen.get(g) ?? [];
      if (list.at(-1) !== i) list.push(i);
      seen.set(g, list);
      if (k > 0) seenInside.add(g);
    }
    return signals;
  });
}
