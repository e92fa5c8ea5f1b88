// Page-level sources: the web addresses and reference entries a dump lists. They are read from
// every segment, kept or removed (a citation list is removed as furniture but still tells an
// auditor where the page says its content comes from).
import referencesFile from './references.json' with { type: 'json' };
import type { Segment } from '../types.js';
import { matchesOf } from '../matches.js';
import { Prefilter } from '../prefilter.js';

export interface PageReference {
  kind: 'url' | 'citation';
  name: string;
  /** Ids of the segments that list it, in document order. */
  mentions: string[];
  /** Index of the first segment that lists it. */
  first: number;
}

const urlRes = referencesFile.urls.map((r) => new RegExp(r.pattern, 'gu'));
const citationRes = referencesFile.citations.map((r) => new RegExp(r.pattern, 'gu'));
// Most segments hold no scheme, 'www.', year or reference punctuation: the patterns run only
// where their required literals are (prefilter.ts).
const candidates = new Prefilter([...citationRes, ...urlRes]);

export function pageReferences(segments: Segment[]): PageReference[] {
  const found = new Map<string, PageReference>();
  const add = (kind: 'url' | 'citation', name: string, seg: Segment, index: number): void => {
    // One address written with or without scheme, 'www.' or a final slash is one source.
    const key = `${kind}:${kind === 'url' ? name.toLowerCase().replace(/^https?:\/\//u, '').replace(/^www\./u, '').replace(/\/$/u, '') : name.toLowerCase()}`;
    const had = found.get(key);
    if (!had) found.set(key, { kind, name, mentions: [seg.id], first: index });
    else if (!had.mentions.includes(seg.id)) had.mentions.push(seg.id);
  };
  segments.forEach((seg, index) => {
    const can = candidates.scan(seg.text);
    citationRes.forEach((re, i) => {
      if (can[i]) for (const m of matchesOf(re, seg.text)) add('citation', tidyCitation(m[0]), seg, index);
    });
    urlRes.forEach((re, i) => {
      if (can[citationRes.length + i]) for (const m of matchesOf(re, seg.text)) {
      const url = tidyUrl(m[0]);
      if (url.length > 10) add('url', url, seg, index);
      }
    });
  });
  return [...found.values()].sort((a, b) => a.first - b.first);
}

// "http: //x.com/a/." -> "http://x.com/a/"
function tidyUrl(u: string): string {
  return u.replace(/^(https?:)\s/u, '$1').replace(/[.,;:!?'’]+$/u, '');
}

function tidyCitation(c: string): string {
  return c.replace(/\s+/gu, ' ').replace(/[\s,;]+$/u, '').trim();
}
