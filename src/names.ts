// Output names: file-safe, unique within a run, assigned in input order so they never depend on
// which document finished first.

// Names the run itself writes (output/index.json, output/cleaned.jsonl) are never a document's.
const RESERVED = ['index', 'cleaned'];

export class NameRegistry {
  private readonly used = new Set(RESERVED);

  /** `output/<name>.json` for a whole-file document (its path below the input root, without extension) or a JSONL record (its id). */
  claim(path: string, recordId?: string): string {
    const base = recordId !== undefined ? fileSafe(recordId) : pathName(path);
    let name = base;
    for (let n = 2; this.used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    this.used.add(name.toLowerCase());
    return name;
  }
}

// "input/sub/a.txt" -> "sub/a"; "seed.txt" -> "seed". Each part made file-safe.
function pathName(path: string): string {
  const parts = path.split('/');
  if (parts.length > 1) parts.shift();
  const last = parts.length - 1;
  parts[last] = (parts[last] ?? '').replace(/\.[^.]*$/u, '');
  return parts.map(fileSafe).join('/');
}

export function fileSafe(s: string): string {
  const safe = s.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+/u, '').slice(0, 120);
  return safe || 'doc';
}
