// Keywords of a claim without any taxonomy: its words and two-word phrases ranked by TF-IDF over
// the run (CorpusStats), stop-listed (keyword-stopwords.json on top of stopwords-iso's English).
// Best first; a phrase is weighed by how rare the phrase itself is in the run.
import type { CorpusStats } from './corpus.js';
import { pairHash } from './terms.js';
import { tokens, type Token } from './text.js';

export { isStopWord } from './stopwords.js';

const MAX_KEYWORDS = 4;
const pairHashed = new Uint32Array(2);

interface Scored {
  term: string;
  score: number;
  /** Where it first occurs (token index). */
  at: number;
  /** Its stems: one for a word, two for a phrase. */
  parts: string[];
}

/** `toks`: the text's tokens, when the caller has them already. */
export function keywords(text: string, corpus: CorpusStats, exclude: ReadonlySet<string> = new Set(), toks: readonly Token[] = tokens(text)): string[] {
  const scored = new Map<string, Scored>();
  const bump = (key: string, term: string, idf: number, at: number, parts: string[]): void => {
    const had = scored.get(key);
    if (had) had.score += idf;
    else scored.set(key, { term, score: idf, at, parts });
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.stop || exclude.has(t.word)) continue;
    bump(t.stem, t.word, corpus.idfOfCount(corpus.df.count(t.lo, t.hi) ?? 0), i, [t.stem]);
    // A phrase (stemPair: neither word a stop word) counts when it recurs in the run (df >= 2):
    // "muscle relaxant", not any word pair. Its df is looked up by hash; its name made only then.
    const next = toks[i + 1];
    if (!next || next.stop || exclude.has(next.word)) continue;
    pairHash(t.lo, t.hi, next.lo, next.hi, pairHashed, 0);
    const df = corpus.df.count(pairHashed[0]!, pairHashed[1]!) ?? 0;
    if (df >= 2) bump(`${t.stem} ${next.stem}`, `${t.word} ${next.word}`, corpus.idfOfCount(df), i, [t.stem, next.stem]);
  }
  // Best first: by score, then by first occurrence, then in the order scored. The best left is
  // picked until MAX_KEYWORDS are chosen (most claims need four or five picks, not a sort of all).
  const left = [...scored.values()];
  const out: Scored[] = [];
  while (out.length < MAX_KEYWORDS && left.length) {
    let best = 0;
    for (let j = 1; j < left.length; j++) {
      const k = left[j]!, b = left[best]!;
      if (k.score > b.score || (k.score === b.score && k.at < b.at)) best = j;
    }
    const k = left.splice(best, 1)[0]!;
    // A word already inside a chosen phrase (or a phrase around a chosen word) adds nothing.
    if (!out.some((o) => o.parts.some((p) => k.parts.includes(p)))) out.push(k);
  }
  return out.map((k) => k.term);
}
