// Walking the input: a file or a folder (recursively), in a deterministic order, as paths relative to
// the parent of the input root. Problems found on the way (missing input, symlink loop, unreadable
// folder) are yielded in place; the walk always goes on.
import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { errorCode, problem, type ProblemItem } from './problem.js';

export type WalkItem = { kind: 'file'; abs: string; rel: string } | ProblemItem;

/** Join POSIX path parts, tolerating an empty prefix (input root "/" has no name). */
function joinRel(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

/** Platform path -> POSIX. */
function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

interface Entry {
  name: string;
  /** Sort key: the name, plus "/" for folders (see walkDir). UTF-8 bytes, so comparison is by codepoint. */
  key: Buffer;
  isDir: boolean;
}

/**
 * What a directory entry is, following symlinks. Returns a problem message when it cannot be told
 * or is neither a regular file nor a folder (a FIFO would block a read forever).
 */
async function kindOf(abs: string, dirent: Dirent): Promise<'file' | 'dir' | { message: string }> {
  if (dirent.isFile()) return 'file';
  if (dirent.isDirectory()) return 'dir';
  let st: Stats;
  try {
    st = await stat(abs); // follows symlinks
  } catch (err) {
    const code = errorCode(err);
    if (dirent.isSymbolicLink() && (code === 'ENOENT' || code === 'ENOTDIR')) return { message: 'broken symlink, not followed' };
    if (code === 'ELOOP') return { message: 'symlink loop, not followed' };
    return { message: `cannot read (${code})` };
  }
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'dir';
  return { message: 'not a regular file, skipped' };
}

/**
 * Walk one folder. `ancestors` holds the realpaths of the folders on the current path from the root,
 * so a symlink back to one of them is a loop. (A second link to a folder elsewhere is not a loop and
 * is walked again, under its own path.)
 *
 * Order: the required order is the full POSIX relative path compared codepoint by codepoint. Sorting
 * each folder's entries by name, with "/" appended to folder names, gives exactly that order while
 * still streaming: "a-b.txt" < "a/z.txt" < "a0.txt" because "-" < "/" < "0".
 */
async function* walkDir(dirAbs: string, dirRel: string, ancestors: Set<string>): AsyncGenerator<WalkItem> {
  let dirents: Dirent[];
  try {
    dirents = await readdir(dirAbs, { withFileTypes: true });
  } catch (err) {
    yield problem(dirRel, `cannot read folder (${errorCode(err)})`);
    return;
  }
  const entries: (Entry & { problem?: string })[] = [];
  for (const dirent of dirents) {
    if (dirent.name.startsWith('.')) continue; // dot-files and dot-folders: skipped silently
    const kind = await kindOf(path.join(dirAbs, dirent.name), dirent);
    const isDir = kind === 'dir';
    const entry: Entry & { problem?: string } = {
      name: dirent.name,
      key: Buffer.from(isDir ? `${dirent.name}/` : dirent.name, 'utf8'),
      isDir,
    };
    if (typeof kind === 'object') entry.problem = kind.message;
    entries.push(entry);
  }
  // Byte order of UTF-8 equals codepoint order (JS string < compares UTF-16 units, which differs for astral chars).
  entries.sort((a, b) => Buffer.compare(a.key, b.key));

  for (const entry of entries) {
    const abs = path.join(dirAbs, entry.name);
    const rel = joinRel(dirRel, entry.name);
    if (entry.problem !== undefined) {
      yield problem(rel, entry.problem);
    } else if (!entry.isDir) {
      yield { kind: 'file', abs, rel };
    } else {
      let real: string;
      try {
        real = await realpath(abs);
      } catch (err) {
        yield problem(rel, `cannot read folder (${errorCode(err)})`);
        continue;
      }
      if (ancestors.has(real)) {
        yield problem(rel, 'symlink loop, not followed');
        continue;
      }
      ancestors.add(real);
      yield* walkDir(abs, rel, ancestors);
      ancestors.delete(real);
    }
  }
}

/**
 * All files under `inputPath` (or the file itself). Paths are relative to the parent of the input root,
 * and the root of a single file is its folder, so both spellings give the same path:
 *   "input" -> "input/seed.txt", "/abs/fixtures/input" -> "input/seed.txt", "input/seed.txt" -> "input/seed.txt".
 * The root itself is never skipped, even if its name starts with a dot.
 */
export async function* walk(inputPath: string): AsyncGenerator<WalkItem> {
  const abs = path.resolve(inputPath);
  let st: Stats;
  try {
    st = await stat(abs);
  } catch (err) {
    const code = errorCode(err);
    yield problem(missingName(inputPath), code === 'ENOENT' ? 'input not found (ENOENT)' : `cannot read input (${code})`);
    return;
  }
  if (st.isDirectory()) {
    yield* walkDir(abs, toPosix(path.relative(path.dirname(abs), abs)), new Set([await realpath(abs)]));
    return;
  }
  const rel = toPosix(path.relative(path.dirname(path.dirname(abs)), abs));
  if (st.isFile()) yield { kind: 'file', abs, rel };
  else yield problem(rel, 'not a regular file, skipped');
}

/**
 * How to name an input that is not there: as typed when relative ("input/nope"), else its last two
 * segments like a file input would be ("fixtures/nope"), so the name is never absolute.
 */
function missingName(inputPath: string): string {
  if (!path.isAbsolute(inputPath)) return toPosix(path.normalize(inputPath));
  const abs = path.resolve(inputPath);
  return toPosix(path.relative(path.dirname(path.dirname(abs)), abs)) || '/';
}
