// Problems: how ingest reports a bad input as one line instead of throwing.
import type { IngestItem, InputProblem } from '../types.js';

/** Collapse all whitespace (including line breaks) to single spaces and cap the length. */
export function oneLine(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export type ProblemItem = Extract<IngestItem, { kind: 'problem' }>;

/** Build a problem item. `where` is left out entirely when it concerns the whole file. */
export function problem(
  path: string,
  message: string,
  where?: string,
  severity: InputProblem['severity'] = 'error',
): ProblemItem {
  const p: InputProblem = { path, message: oneLine(message), severity };
  if (where !== undefined) p.where = where;
  return { kind: 'problem', problem: p };
}

/** The errno code of a Node fs error ("EACCES"), or the first line of the message for anything else. */
export function errorCode(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && code !== '') return code;
  return oneLine(err instanceof Error ? err.message : String(err), 80);
}

/** "cannot read (EACCES)": the user sees the code, never a stack. */
export function readErrorMessage(err: unknown): string {
  return `cannot read (${errorCode(err)})`;
}

/**
 * One line for the user:
 *   "sieve: input/bad.bin: binary file (NUL byte at byte 12)"
 *   "sieve: input/docs.jsonl: line 4: invalid JSON (Unexpected token ...)"
 * Every part is flattened, so a stray newline in a message can never split the line.
 */
export function formatProblem(p: InputProblem): string {
  const where = p.where ? `${oneLine(p.where)}: ` : '';
  return `sieve: ${oneLine(p.path, 1000)}: ${where}${oneLine(p.message, 1000)}`;
}
