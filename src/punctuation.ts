// Punctuation garbled by a wrong decoding (mojibake): UTF-8 quotes and dashes read as Latin-1 or
// Windows-1252 ('â\x80\x9c', 'â€œ' for '“'). Claim typing and attribution read the repaired text so
// a garbled quote is still a quote; the segment text itself is never changed (offsets hold).
const MOJIBAKE = /â(?:\u0080|€)([\u0098\u0099\u009c\u009d\u0093\u0094˜™œ\u009d“”])/gu;
const MOJIBAKE_AS: Record<string, string> = { '\u0098': '‘', '\u0099': '’', '\u009c': '“', '\u009d': '”', '\u0093': '–', '\u0094': '—', '˜': '‘', '™': '’', 'œ': '“', '“': '–', '”': '—' };

/** Quotes and dashes garbled by a wrong decoding, restored. */
export function repairPunctuation(text: string): string {
  return text.includes('â') ? text.replace(MOJIBAKE, (m, c: string) => MOJIBAKE_AS[c] ?? m) : text;
}
