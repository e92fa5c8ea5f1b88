// The pipeline's internal model. The output contract (schema version 1) is in
// src/write/schema/sieve-output.v1.schema.json; src/write/output-types.ts is generated from it.
import type { VFile } from 'vfile';

/** The input formats ingest understands, by file extension. */
export type InputFormat = 'txt' | 'md' | 'html' | 'jsonl';

/** One document as ingest yields it: decoded text plus where it came from. */
export interface SourceDoc {
  /** The id to show: a file's stem ("seed"), or a JSONL record's `id` as a string. */
  id: string;
  /** The JSONL record's `id` exactly as it was in the input (string or number); for files, `id`. */
  rawId: string | number;
  /** Input path, POSIX, relative to the parent of the input root ("input/seed.txt"). Never absolute. */
  path: string;
  /** 1-based line number of a JSONL record; undefined for whole-file documents. */
  line?: number;
  format: InputFormat;
  /** The decoded text (BOM stripped; HTML: the extracted visible text). All offsets refer to it. */
  text: string;
  /** sha256 (hex) of `text` as UTF-8. */
  sha256: string;
  url?: string;
  /** Other fields of a JSONL record, carried through untouched. */
  extra?: Record<string, unknown>;
}

/** A problem with one input: one line for the user, naming the file and where. */
export interface InputProblem {
  /** Same convention as SourceDoc.path. */
  path: string;
  /** "line 4", "byte 1032", or undefined when it concerns the whole file. */
  where?: string;
  message: string;
  /** error: the file or record was not processed (exit 3). note: skipped on purpose (unknown extension). */
  severity: 'error' | 'note';
}

export type IngestItem =
  /** `end`: how far into its file (bytes) this document's input reaches, for progress; absent if unknown. */
  | { kind: 'doc'; doc: SourceDoc; end?: number }
  | { kind: 'problem'; problem: InputProblem };

export type Stage = 'boilerplate' | 'quality' | 'dedupe';

/** Why a segment was removed: the stage, the kind (DESIGN.md's open list) and the rule id a reader can look up. */
export interface Reason {
  stage: Stage;
  kind: string;
  rule: string;
  /** 0-1 where the rule measures something (dedupe: similarity to the kept copy). */
  score?: number;
}

export interface Segment {
  /** `${doc.id}:${index}` */
  id: string;
  start: number;
  end: number;
  text: string;
  status: 'kept' | 'removed';
  reason?: Reason;
  /** Set with a dedupe reason: the id of the kept copy (possibly in another document). */
  duplicateOf?: string;
  /** On a kept segment with duplicates: ids of the removed copies, in input order. */
  copies?: string[];
}

export type ClaimType = 'fact' | 'advice' | 'question';

export interface Claim {
  id: string;
  segment: string;
  text: string;
  type: ClaimType;
  /** 0 (plain assertion) to 1 (strongly hedged: may, can, often, usually). */
  hedge: number;
  topics: { id: string; score: number }[];
  keywords: string[];
  sources: { ref: string; cue: string; how: 'explicit' | 'inherited' }[];
  occurrences: number;
}

export interface Source {
  ref: string;
  kind: 'person' | 'organization' | 'publication' | 'url' | 'citation' | 'vague';
  name: string;
  credentials?: string[];
  description?: string;
  role?: string;
  organization?: string;
  mentions?: string[];
}

/** A document moving through the stages. Stages annotate `segments` and report on `file`. */
export interface Doc {
  source: SourceDoc;
  /** File-safe, unique output name ("seed" -> output/seed.json). */
  name: string;
  /** vfile carrying the stages' messages (ruleId = the rule, source = the stage). */
  file: VFile;
  segments: Segment[];
  /** ISO 639-1 code detected by the boilerplate stage (stop words and language-bound rules use it). */
  lang?: string;
  claims: Claim[];
  sources: Source[];
}
