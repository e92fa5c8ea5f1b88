// The labeled gold of one page dump (../shared/gold/<name>/: input.txt, segments.jsonl,
// labels.jsonl; see GUIDE.md there) and the units the gold scorer compares against:
// each labeled segment, plus each of its parts as a unit of its own.
import fs from 'node:fs';
import path from 'node:path';
import { readJsonl } from './util.ts';

export interface GoldSegment {
  i: number;
  start: number;
  end: number;
  text: string;
}

/** A piece of a segment with its own label; fields it lacks are taken from its record. */
export interface GoldPart {
  text: string;
  [field: string]: unknown;
}

/** One label record (GUIDE.md); only the fields the scorer reads are typed. */
export interface GoldLabel {
  i: number;
  label: string;
  kind?: string | null;
  dup_of?: number | null;
  claim?: string | null;
  topics?: string[] | null;
  source?: string | null;
  parts?: GoldPart[] | null;
  [field: string]: unknown;
}

export interface GoldSet {
  /** The folder's name: the `doc` of the score. */
  name: string;
  /** input.txt, BOM stripped. */
  text: string;
  segments: GoldSegment[];
  labels: GoldLabel[];
}

// ---------------------------------------------------------------------------------------------
// Loading

export function loadGold(dir: string): GoldSet {
  const text = fs.readFileSync(path.join(dir, 'input.txt'), 'utf8').replace(/^\uFEFF/, '');
  const segments = readJsonl(path.join(dir, 'segments.jsonl')).map(toGoldSegment);
  const labels = readJsonl(path.join(dir, 'labels.jsonl')).map(toGoldLabel);
  return { name: path.basename(dir), text, segments, labels };
}

function toGoldSegment(raw: unknown): GoldSegment {
  const s = raw as Partial<GoldSegment> | null;
  if (!s || typeof s.i !== 'number' || typeof s.start !== 'number' || typeof s.end !== 'number' || typeof s.text !== 'string') {
    throw new Error(`gold segment needs numeric i, start, end and a text: ${JSON.stringify(raw)}`);
  }
  return s as GoldSegment;
}

function toGoldLabel(raw: unknown): GoldLabel {
  const a = raw as Partial<GoldLabel> | null;
  if (!a || typeof a.i !== 'number' || typeof a.label !== 'string') {
    throw new Error(`gold label needs a numeric i and a label: ${JSON.stringify(raw)}`);
  }
  for (const field of ['topics', 'parts'] as const) {
    if (a[field] != null && !Array.isArray(a[field])) throw new Error(`gold label ${a.i}: ${field} must be an array`);
  }
  for (const p of a.parts ?? []) {
    if (typeof p?.text !== 'string') throw new Error(`gold label ${a.i}: a part needs a text`);
    if (p.topics != null && !Array.isArray(p.topics)) throw new Error(`gold label ${a.i}: a part's topics must be an array`);
  }
  return a as GoldLabel;
}

// ---------------------------------------------------------------------------------------------
// Gold units: each labeled segment, plus each of its parts as a unit of its own

export interface GoldUnit {
  label: unknown;
  kind: unknown;
  dupOf: unknown;
  claim: unknown;
  topics: unknown;
  source: unknown;
  start: number;
  end: number;
  /** The segment has parts: it is not a claim unit itself (its parts may be). */
  carvedUp: boolean;
}

export type GoldClass = 'neutral' | 'dup' | 'keep' | 'noise' | null;

export function buildUnits(gold: GoldSet): GoldUnit[] {
  const segById = new Map(gold.segments.map((s) => [s.i, s]));
  const units: GoldUnit[] = [];
  for (const a of gold.labels) {
    const s = segById.get(a.i);
    if (!s) throw new Error(`label ${a.i} has no segment`);
    const parts = a.parts ?? [];
    units.push({ label: a.label, kind: a.kind, dupOf: a.dup_of, claim: a.claim, topics: a.topics,
      source: a.source, start: s.start, end: s.end, carvedUp: parts.length > 0 });
    for (const p of parts) units.push(carvePart(a, p, s));
  }
  return units;
}

/** A part inherits its record's label fields, except dup_of and source (null unless given). */
function carvePart(a: GoldLabel, p: GoldPart, s: GoldSegment): GoldUnit {
  const at = s.text.indexOf(p.text);
  if (at < 0) throw new Error(`part not in segment ${a.i}: ${p.text}`);
  const field = (key: string): unknown => (Object.hasOwn(p, key) ? p[key] : a[key]);
  return {
    label: field('label'), kind: field('kind'), claim: field('claim'), topics: field('topics'),
    dupOf: p.dup_of !== undefined ? p.dup_of : null,
    source: p.source !== undefined ? p.source : null,
    start: s.start + at, end: s.start + at + p.text.length, carvedUp: false,
  };
}

/** heading/ambiguous count neither way; content is kept text unless a duplicate; anything else is noise. */
export function goldClass(u: GoldUnit | null): GoldClass {
  if (!u) return null;
  if (u.label === 'heading' || u.label === 'ambiguous') return 'neutral';
  if (u.label === 'content') return u.dupOf != null ? 'dup' : 'keep';
  return 'noise';
}
