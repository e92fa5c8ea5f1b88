// Dedupe stage (corpus-wide): exact, near and contained duplicates within and across documents.
//
// Documents are fed in the stable input order (input path, then record line) and segments are
// taken in offset order, so every decision is taken in that order: the copy kept is the first
// complete one. Only segments still kept when they arrive are candidates.
//
// For each kept copy the stage remembers a small entry (its segment, its normalised text when it
// has enough words to be compared, whether it is cut off) and files it under its 64-bit exact
// hash, its 20 LSH band keys and two anchors (its first and last words). A new segment is
// compared only with the kept copies found under its own keys, each one directly (no chaining
// through removed copies). Removed copies are never filed, so memory grows with unique segments.
//
// Cut-off copies ("… when the …") are the one case where a later segment wins: when a later
// segment completes a kept cut-off one (the fragment's words are a run of its words), the later
// one is kept, and the fragment, with the copies already merged into it, points at it.
//
// A streaming run writes documents while later ones are still deduplicated. It seals each document
// once it is past dedupe (`seal`): from then on the stage holds only what comparisons need of its
// kept copies (id, normalised text), records no more copies on them (the run rebuilds those from
// the later copies' duplicateOf), and a change a later supersede makes to one of its segments is
// handed back as a late edit (`takeEdits`) for the run to apply when it writes that document.
import { remove } from '../doc.js';
import type { Doc, Reason, Segment } from '../types.js';
import { Buckets } from './buckets.js';
import { keysOf, unpackKeys, type PackedKeys } from './keys.js';
import { fingerprint, type Fingerprint } from './normalize.js';
import { repoint } from './repoint.js';
import { kindOf, minhash, speakerLabel, thresholds, type RuleId } from './rules.js';
import { compare, completes, fragmentRun, Probe, type Limits, type Match } from './similarity.js';

export { normalizeForDedupe } from './normalize.js';

interface Copy {
  doc: Doc;
  segment: Segment;
  /** Position in input order (segments seen so far), to keep `copies` in input order. */
  seq: number;
}

interface Entry {
  id: string;
  /** The kept copy, with the `copies` list the JSON writer turns into occurrences (until sealed). */
  segment: Segment | undefined;
  seq: number;
  cutOff: boolean;
  /** Normalised text, only for segments long enough for the near and contained tests. */
  norm?: string;
  /** Cut-off entries only: the document and the copies merged so far, in case a complete copy supersedes it. */
  doc?: Doc;
  pending?: Copy[];
  /** Set when a later complete copy superseded this one: that copy's entry number. */
  supersededBy?: number;
}

/** A change to a segment of a sealed document: it is removed as a copy of `duplicateOf`, and has no copies. */
export interface LateEdit {
  id: string;
  reason: Reason;
  duplicateOf: string;
  /** The segment's text, when it was kept until this edit (so whatever counted it can take it back). */
  keptText?: string;
}

export class Dedupe {
  private readonly entries: Entry[] = [];
  private readonly exact = new Map<bigint, number>();
  private readonly bands = Array.from({ length: minhash.bands }, () => new Buckets());
  private readonly anchors = new Buckets();
  private seq = 0;
  /** Per document added and not sealed: its entries [from, to). */
  private readonly open = new Map<Doc, [number, number]>();
  private readonly sealed = new WeakSet<Doc>();
  private edits: LateEdit[] = [];
  private readonly found: number[] = [];

  /** `limits`: the thresholds of the comparisons (rules.json's, or a run's overrides of its decision thresholds). */
  constructor(private readonly limits: Limits = thresholds) {}

  /** `keys`: the document's segment keys when a worker computed them (packKeys), else computed here. */
  add(doc: Doc, keys?: PackedKeys): void {
    const from = this.entries.length;
    this.addSegments(doc, keys);
    this.open.set(doc, [from, this.entries.length]);
  }

  /**
   * `doc` is written: keep only the comparison data of its kept copies. Its cut-off copies keep
   * their document, in case a later complete copy supersedes them (that becomes a late edit).
   */
  seal(doc: Doc): void {
    const range = this.open.get(doc);
    if (!range) return;
    this.open.delete(doc);
    this.sealed.add(doc);
    for (let i = range[0]; i < range[1]; i++) {
      const entry = this.entries[i];
      if (entry && !entry.doc) entry.segment = undefined; // not `delete`: that turns the object into a slow dictionary
    }
  }

  /** Changes made to segments of sealed documents since the last call, in the order made. */
  takeEdits(): LateEdit[] {
    const edits = this.edits;
    this.edits = [];
    return edits;
  }

  private addSegments(doc: Doc, keys?: PackedKeys): void {
    const turns = turnLabels(doc.segments);
    doc.segments.forEach((segment, i) => {
      if (segment.status !== 'kept' || (turns.size > 0 && turns.has(segment.text.trim()))) return;
      const seq = this.seq++;
      const k = (keys && unpackKeys(keys, i)) ?? keysOf(segment.text);
      if (!k.norm) return;
      const fp: Fingerprint = k; // a SegmentKeys carries its fingerprint
      const { hash } = k;

      const hit = this.exact.get(hash);
      if (hit !== undefined) {
        const live = this.live(hit);
        if (live === hit) {
          this.merge({ doc, segment, seq }, live, { rule: 'exact-hash', score: 1 });
          return;
        }
        // Equal to a cut-off copy that a complete one superseded: a fragment of that one.
        const score = fragmentRun(asCutOff(fp), this.probeOf(live), this.limits);
        if (score !== null) {
          this.merge({ doc, segment, seq }, live, { rule: 'contained-cutoff', score });
          return;
        }
      }
      if (!k.bands) {
        this.register(doc, segment, seq, fp, hash, null, []);
        return;
      }

      const { best, completed } = this.search(Probe.of(fp), k.bands, k.anchors);
      if (best) {
        this.merge({ doc, segment, seq }, best.entry, best.match);
        return;
      }
      const entry = this.register(doc, segment, seq, fp, hash, k.bands, k.anchors);
      if (completed.length) this.supersede(completed, entry);
    });
  }

  /** Kept copies remembered (for the benchmark: memory follows this, not the corpus size). */
  get size(): number {
    return this.entries.length;
  }

  // The candidates under the segment's keys, each verified against the kept copy: the best match
  // (highest score, then earliest), and the kept cut-off copies this segment completes.
  private search(probe: Probe, keys: number[], anchorKeys: number[]): { best?: { entry: number; match: Match }; completed: number[] } {
    // One list reused for every segment: most find no candidate, and a Set made for each was most of this.
    const found = this.found;
    found.length = 0;
    keys.forEach((key, band) => this.bands[band]?.collect(key, found));
    for (const key of anchorKeys) this.anchors.collect(key, found);
    let best: { entry: number; match: Match } | undefined;
    const done: number[] = [];
    if (found.length > 1) found.sort((a, b) => a - b);
    for (let f = 0; f < found.length; f++) {
      const i = found[f]!;
      if (f > 0 && i === found[f - 1]) continue; // the same entry under another key
      const entry = this.entries[i];
      if (!entry || entry.supersededBy !== undefined || entry.norm === undefined) continue;
      const kept = this.probeOf(i);
      if (completes(probe, kept, this.limits)) {
        done.push(i);
        continue;
      }
      const match = compare(probe, kept, this.limits);
      if (match && (!best || match.score > best.match.score)) best = { entry: i, match };
    }
    return { best, completed: done };
  }

  private register(doc: Doc, segment: Segment, seq: number, fp: Fingerprint, hash: bigint, keys: number[] | null, anchorKeys: number[]): number {
    const i = this.entries.length;
    const entry: Entry = { id: segment.id, segment, seq, cutOff: fp.cutOff };
    if (keys) entry.norm = fp.norm;
    if (keys && fp.cutOff) entry.doc = doc;
    this.entries.push(entry);
    this.exact.set(hash, i);
    keys?.forEach((key, band) => this.bands[band]?.add(key, i));
    for (const key of anchorKeys) this.anchors.add(key, i);
    return i;
  }

  private merge(copy: Copy, into: number, match: Match): void {
    const kept = this.entries[into];
    if (!kept) throw new Error(`dedupe: no entry ${into}`);
    const reason = { stage: 'dedupe' as const, kind: kindOf(match.rule), rule: match.rule, score: match.score };
    remove(copy.doc, copy.segment, reason, { duplicateOf: kept.id, why: explain(reason.kind, match, kept.id) });
    if (kept.segment && !(kept.doc && this.sealed.has(kept.doc))) (kept.segment.copies ??= []).push(copy.segment.id);
    if (kept.cutOff && kept.norm !== undefined) (kept.pending ??= []).push(copy);
  }

  // A later segment completes kept cut-off copies: each of them, and everything merged into it,
  // now points at the later one, which is kept.
  private supersede(fragments: number[], to: number): void {
    const kept = this.entries[to];
    if (!kept) return;
    const target = this.probeOf(to);
    const moved: Copy[] = [];
    for (const from of fragments) {
      const old = this.entries[from];
      if (!old?.doc || !old.segment) continue;
      const fragment: Copy = { doc: old.doc, segment: old.segment, seq: old.seq };
      for (const copy of [fragment, ...(old.pending ?? [])]) {
        // Each copy is a run of the fragment and the fragment a run of the new kept copy, so
        // each is a run of it; its score is measured against the kept copy all the same.
        const score = fragmentRun(asCutOff(fingerprint(copy.segment.text)), target, this.limits) ?? 0;
        const match: Match = { rule: 'contained-superseded', score };
        const reason = { stage: 'dedupe' as const, kind: kindOf(match.rule), rule: match.rule, score };
        const why = explain(reason.kind, match, kept.id);
        if (this.sealed.has(copy.doc)) this.edits.push({ id: copy.segment.id, reason, duplicateOf: kept.id, ...(copy === fragment ? { keptText: copy.segment.text } : {}) });
        else if (copy === fragment) remove(copy.doc, copy.segment, reason, { duplicateOf: kept.id, why });
        else repoint(copy.doc, copy.segment, reason, kept.id, why);
        moved.push(copy);
      }
      if (!this.sealed.has(old.doc)) delete old.segment.copies;
      old.supersededBy = to;
      this.probes.delete(from);
      delete old.doc;
      old.segment = undefined;
      delete old.pending;
      delete old.norm;
    }
    // All of them came before the new kept copy, which has no copies of its own yet.
    moved.sort((a, b) => a.seq - b.seq);
    if (kept.segment) kept.segment.copies = moved.map((c) => c.segment.id);
    if (kept.cutOff) kept.pending = moved;
  }

  private live(i: number): number {
    let at = i;
    for (let next = this.entries[at]?.supersededBy; next !== undefined; next = this.entries[at]?.supersededBy) at = next;
    return at;
  }

  // The kept copies compared most recently, with what the tests worked out of them (words,
  // shingle and 3-gram sets): a kept sentence that recurs (a site's template, a quoted line) is a
  // candidate of many later segments, and its sets were worked out again for each of them. At most
  // PROBES_KEPT, then forgotten all at once; a Probe depends on the entry's text alone, so the
  // cache changes no decision.
  private readonly probes = new Map<number, Probe>();

  private probeOf(i: number): Probe {
    let probe = this.probes.get(i);
    if (probe) return probe;
    const entry = this.entries[i];
    probe = new Probe(entry?.norm ?? '', entry?.cutOff ?? false);
    if (this.probes.size >= PROBES_KEPT) this.probes.clear();
    this.probes.set(i, probe);
    return probe;
  }
}

const PROBES_KEPT = 1024;

/** Speaker or field labels kept in the document at least minCount times: its turns, left alone. */
function turnLabels(segments: readonly Segment[]): Set<string> {
  const counts = new Map<string, number>();
  for (const s of segments) {
    if (s.status !== 'kept') continue;
    const t = s.text.trim();
    if (!t.endsWith(':') || t.split(/\s+/u).length > speakerLabel.maxWords || !speakerLabel.pattern.test(t)) continue;
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= speakerLabel.minCount).map(([t]) => t));
}

// A copy equal to a cut-off fragment is as cut off as the fragment was, whatever its own ending.
function asCutOff(fp: Fingerprint): Probe {
  return new Probe(fp.norm, true);
}

function explain(kind: string, match: Match, keptId: string): string {
  return `${kind} duplicate of ${keptId} (${match.rule}, score ${match.score})`;
}

export type { RuleId };
