// Keywords of a claim without any taxonomy: its words and two-word phrases ranked by TF-IDF over
// the run (CorpusStats), stop-listed (keyword-stopwords.json on top of stopwords-iso's English).
// Best first; a phrase is weighed by how rare the phrase itself is in the run.
import type { CorpusStats } from './corpus.js';
import { stemPairs, tokens, type Token } from './text.js';

export { isStopWord } from './stopwords.js';

const MAX_KEYWORDS = 4;

/** `toks`, `pairs`: the text's tokens and their stemPairs, when the caller has them already. */
export function keywords(text: string, corpus: CorpusStats, exclude: Set<string> = new Set(), toks: Token[] = tokens(text), pairs: readonly (string | undefined)[] = stemPairs(toks)): string[] {
  const scored = new Map<string, { term: string; score: number; at: number; parts: string[] }>();
  const bump = (key: string, term: string, idf: number, at: number, parts: string[]): void => {
    const had = scored.get(key);
    if (had) had.score += idf;
    else scored.set(key, { term, score: idf, at, parts });
  };
  toks.forEach((t, i) => {
    if (t.stop || exclude.has(t.word)) return;
    bump(t.stem, t.word, corpus.idf(t.stem), i, [t.stem]);
    // A phrase counts when it recurs in the run (df >= 2): "muscle relaxant", not any word pair.
    const key = pairs[i];
    const next = toks[i + 1];
    if (key === undefined || !next || exclude.has(next.word)) return;
    const df = corpus.df.get(key) ?? 0;
    if (df >= 2) bump(key, `${t.word} ${next.word}`, corpus.idfOfCount(df), i, [t.stem, next.stem]);
  });
  const ranked = [...scored.values()].sort((a, b) => b.score - a.score || a.at - b.at);
  const out: typeof ranked = [];
  for (const k of ranked) {
    if (out.length >= MAX_KEYWORDS) break;
    // A word already inside a chosen phrase (or a phrase around a chosen word) adds nothing.
    if (out.some((o) => o.parts.some((p) => k.parts.includes(p)))) continue;
    out.push(k);
  }
  return out.map((k) => k.term);
}
