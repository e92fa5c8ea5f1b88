// The stop list of topics and keywords: stopwords-iso's English with keyword-stopwords.json's
// additions, less its `keep` words. Its own module so text.ts can flag each word once, as it
// stems it, without importing keywords.ts (which imports text.ts).
import stopwordsIso from 'stopwords-iso/stopwords-iso.json' with { type: 'json' };
import listsFile from './keyword-stopwords.json' with { type: 'json' };

const keep = new Set(listsFile.keep.flatMap((g) => g.words));
const stop = new Set([...(stopwordsIso as Record<string, string[]>).en ?? [], ...listsFile.add.flatMap((g) => g.words)].filter((w) => !keep.has(w)));

export function isStopWord(word: string): boolean {
  return word.length < 3 || stop.has(word);
}
