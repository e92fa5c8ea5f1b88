// Every match of a global pattern in a text, as `[...text.matchAll(re)]` gives them, without the
// copy of the regex that matchAll makes on each call (the spec's species constructor): on the long
// attribution and name patterns the copy cost 10-25 times the matching itself (measured over the
// segments of 600 bench pages).
// The same regex object is reused; it is left with lastIndex 0, as if it had never been run.

/** All matches of `re` (which must have the g flag) in `text`, in order, like matchAll's. */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`matchesOf needs a global regex: /${re.source}/${re.flags}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    // An empty match does not move lastIndex: step over one character (a code point with the u or v flag).
    if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, re.unicode || re.flags.includes('v'));
  }
  re.lastIndex = 0;
  return out;
}

function advance(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const c = text.charCodeAt(at);
  if (c < 0xd800 || c > 0xdbff) return at + 1;
  const d = text.charCodeAt(at + 1);
  return d >= 0xdc00 && d <= 0xdfff ? at + 2 : at + 1;
}
