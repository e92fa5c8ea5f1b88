// Generated from src/write/schema/*.schema.json by `npm run schema:types`. Do not edit.

/**
 * sieve's output for one input document (output/<name>.json), schema version 1. Offsets are JS string indices (UTF-16 code units) into the decoded input text.
 */
export interface SieveDocumentOutput {
  schemaVersion: 1;
  document: DocumentInfo;
  stats: DocumentStats;
  segments: SegmentOutput[];
  claims: ClaimOutput[];
  sources: SourceOutput[];
  /**
   * What the stages reported about this document that is not already a segment's reason (notes, warnings).
   */
  messages: MessageOutput[];
}
/**
 * This interface was referenced by `SieveDocumentOutput`'s JSON-Schema
 * via the `definition` "documentInfo".
 */
export interface DocumentInfo {
  /**
   * The input's own id: a file's stem, or a JSONL record's id as a string.
   */
  id: string;
  /**
   * Input path relative to the parent of the input root; never absolute.
   */
  path: string;
  /**
   * 1-based line of a JSONL record.
   */
  line?: number;
  format: "txt" | "md" | "html" | "jsonl";
  url?: string;
  /**
   * Length of the decoded text in UTF-16 code units.
   */
  chars: number;
  sha256: string;
  /**
   * Other fields of a JSONL record, carried through.
   */
  extra?: {};
}
/**
 * This interface was referenced by `SieveDocumentOutput`'s JSON-Schema
 * via the `definition` "documentStats".
 */
export interface DocumentStats {
  segments: number;
  kept: number;
  removed: {
    boilerplate: number;
    quality: number;
    dedupe: number;
  };
  claims: number;
}
/**
 * This interface was referenced by `SieveDocumentOutput`'s JSON-Schema
 * via the `definition` "segment".
 */
export interface SegmentOutput {
  id: string;
  start: number;
  end: number;
  text: string;
  status: "kept" | "removed";
  reason?: Reason;
  /**
   * With a dedupe reason: the id of the kept copy, possibly in another document.
   */
  duplicateOf?: string;
  /**
   * On a kept segment that has duplicates: how many times it occurs in the run, itself included.
   */
  occurrences?: number;
  /**
   * On a kept segment that has duplicates: the ids of the removed copies, in input order (possibly in other documents).
   */
  copies?: string[];
}
/**
 * This interface was referenced by `SieveDocumentOutput`'s JSON-Schema
 * via the `definition` "reason".
 */
export interface Reason {
  stage: "boilerplate" | "quality" | "dedupe";
  /**
   * DESIGN.md's open list: ad, cta, nav, legal, byline, related, citation, ugc, heading, code, other; garbled, fragment, offtopic; exact, near, contained.
   */
  kind: string;
  /**
   * The id of the rule that decided, findable in the stage's rule data.
   */
  rule: string;
  /**
   * How sure the rule is, 0-1, where it measures something (dedupe: the similarity to the kept copy).
   */
  score?: number;
}
/**
 * This interface was referenced by `SieveDocumentOutput`'s JSON-Schema
 * via the `definition` "claim".
 */
export interface ClaimOutput {
  id: string;
  segment: string;
  text: string;
  type: "fact" | "advice" | "question";
  topics: {
    id: string;
    score: number;
  }[];
  keywords: string[];
  sources: {
    ref: string;
    cue: string;
    how: "explicit" | "inherited";
  }[];
  occurrences: number;
  /**
   * How hedged the statement is, 0 (plain assertion) to 1 ('may', 'can', 'often', 'usually' …).
   */
  hedge: number;
  /**
   * Ids of the removed duplicate segments of this claim's segment, in input order.
   */
  copies?: string[];
}
/**
 * This interface was referenced by `SieveDocumentOutput`'s JSON-Schema
 * via the `definition` "source".
 */
export interface SourceOutput {
  ref: string;
  kind: "person" | "organization" | "publication" | "url" | "citation" | "vague";
  name: string;
  credentials?: string[];
  /**
   * How the text describes the source, as written ('a neuroscientist at Johns Hopkins Medicine', 'A small 2025 study').
   */
  description?: string;
  /**
   * A person's role or job read from the description ('neuroscientist', 'professor of nutrition').
   */
  role?: string;
  /**
   * The institution the description places the source at ('Johns Hopkins Medicine').
   */
  organization?: string;
  mentions?: string[];
}
/**
 * This interface was referenced by `SieveDocumentOutput`'s JSON-Schema
 * via the `definition` "message".
 */
export interface MessageOutput {
  /**
   * The stage that reported it.
   */
  source: string;
  ruleId: string;
  reason: string;
  severity: "info" | "warning" | "error";
  start?: number;
  end?: number;
}

/**
 * sieve's summary of one run (output/index.json), schema version 1.
 */
export interface SieveRunIndex {
  schemaVersion: 1;
  /**
   * What produced this output, so two outputs can be told apart: sieve's version, hashes of the data files (rules, settings, models, word lists) and of the taxonomy in force, and the options that can change the output. No paths, no times, no concurrency (the output is the same at any).
   */
  producer: {
    /**
     * sieve's version (package.json).
     */
    sieve: string;
    /**
     * sha256 over sieve's JSON data files, by path, as parsed JSON.
     */
    data: string;
    /**
     * sha256 of the taxonomy in force, as validated.
     */
    taxonomy: string;
    options: {
      formats: ("json" | "md" | "jsonl" | "html")[];
      /**
       * Threshold overrides by setting name (src/settings.ts); empty when none.
       */
      settings: {
        [k: string]: number;
      };
    };
  };
  totals: {
    documents: number;
    chars: number;
    segments: number;
    kept: number;
    removed: {
      boilerplate: number;
      quality: number;
      dedupe: number;
    };
    claims: number;
    errors: number;
  };
  /**
   * One entry per document, in input order.
   */
  documents: IndexDocument[];
  /**
   * Inputs that could not be processed (error) or were skipped on purpose (note), in input order.
   */
  problems: IndexProblem[];
  /**
   * What each stage did over the run: counts by rule id (segment: cuts; other stages: removals).
   */
  stages: {
    [k: string]: {
      [k: string]: number;
    };
  };
  /**
   * Kept sentences that have copies (removed duplicates elsewhere): how many, how many copies in all, and the 20 with the most copies (ties in input order).
   */
  repeated: {
    sentences: number;
    copies: number;
    /**
     * At most 20.
     */
    top: IndexRepeated[];
  };
  /**
   * What each step of the pipeline (src/pipeline.ts) did over the run, in the order they run: documents it ran on, kept segments before and after it (summed over documents), and the segments it removed by rule (dedupe: with the kept segments of earlier documents it made copies). No times: the index is the same on every run.
   */
  steps: IndexStep[];
}
export interface IndexDocument {
  id: string;
  /**
   * Output file stem: <name>.json and <name>.md.
   */
  name: string;
  path: string;
  line?: number;
  url?: string;
  chars: number;
  segments: number;
  kept: number;
  removed: number;
  claims: number;
}
export interface IndexProblem {
  path: string;
  where?: string;
  message: string;
  severity: "error" | "note";
}
export interface IndexRepeated {
  /**
   * The kept segment's id.
   */
  id: string;
  /**
   * Its text, whitespace collapsed, at most 160 characters.
   */
  text: string;
  /**
   * 1 + its copies.
   */
  occurrences: number;
  /**
   * Copies per document, documents in the order of their first copy.
   */
  copiesIn: {
    document: string;
    copies: number;
  }[];
}
export interface IndexStep {
  name: string;
  documents: number;
  segmentsIn: number;
  segmentsOut: number;
  removed: {
    [k: string]: number;
  };
}
