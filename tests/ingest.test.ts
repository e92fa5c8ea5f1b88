import { describe, it, expect, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { formatProblem, readInputs } from '../src/ingest/index.js';
import { readFileItems } from '../src/ingest/read.js';
import { firstInvalidUtf8 } from '../src/ingest/decode.js';
import type { IngestItem, InputProblem, SourceDoc } from '../src/types.js';

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

/** A fresh temp folder holding `input/` with the given files (nested names create folders). Returns the input folder. */
async function fixture(files: Record<string, string | Uint8Array>): Promise<string> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'sieve-ingest-'));
  made.push(base);
  const input = path.join(base, 'input');
  await mkdir(input);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(input, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return input;
}

async function collect(inputPath: string): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(inputPath)) items.push(item);
  // Holds for every test: a problem is always one line.
  for (const item of items) {
    if (item.kind === 'problem') {
      expect(item.problem.message).not.toContain('\n');
      expect(formatProblem(item.problem)).not.toContain('\n');
    }
  }
  return items;
}

const docs = (items: IngestItem[]): SourceDoc[] => items.flatMap((i) => (i.kind === 'doc' ? [i.doc] : []));
const problems = (items: IngestItem[]): InputProblem[] => items.flatMap((i) => (i.kind === 'problem' ? [i.problem] : []));
const bytes = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('readInputs: decoding', () => {
  it('reads an empty file as a document with empty text', async () => {
    const items = await collect(await fixture({ 'empty.txt': '' }));
    expect(problems(items)).toEqual([]);
    expect(docs(items)).toEqual([
      {
        id: 'empty',
        rawId: 'empty',
        path: 'input/empty.txt',
        format: 'txt',
        text: '',
        sha256: createHash('sha256').update('').digest('hex'),
      },
    ]);
  });

  it('reads a whitespace-only file as a document keeping the whitespace', async () => {
    const items = await collect(await fixture({ 'blank.md': ' \n\t\n' }));
    expect(problems(items)).toEqual([]);
    expect(docs(items).map((d) => [d.format, d.text])).toEqual([['md', ' \n\t\n']]);
  });

  it('reports a NUL byte as a binary file and still reads the other files', async () => {
    const items = await collect(await fixture({ 'a.txt': 'first', 'bad.txt': bytes('hello world!', [0, 1, 2]), 'c.txt': 'third' }));
    expect(problems(items)).toEqual([{ path: 'input/bad.txt', message: 'binary file (NUL byte at byte 12)', severity: 'error' }]);
    expect(docs(items).map((d) => d.text)).toEqual(['first', 'third']);
  });

  it('reports invalid UTF-8 with the byte offset of the first bad sequence', async () => {
    const items = await collect(
      await fixture({
        'lone.txt': bytes('ok ', [0xff], ' more'), // a byte that never occurs in UTF-8
        'cut.txt': bytes('abcd', [0xe2, 0x82]), // a sequence cut short by the end of file
        'surrogate.txt': bytes('x', [0xed, 0xa0, 0x80]), // an encoded UTF-16 surrogate
        'overlong.txt': bytes('é', [0xc0, 0xaf]), // overlong "/"
        'good.txt': 'fine ✓',
      }),
    );
    expect(problems(items).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'input/cut.txt: invalid UTF-8 at byte 4',
      'input/lone.txt: invalid UTF-8 at byte 3',
      'input/overlong.txt: invalid UTF-8 at byte 2',
      'input/surrogate.txt: invalid UTF-8 at byte 1',
    ]);
    expect(docs(items).map((d) => d.text)).toEqual(['fine ✓']);
    expect(firstInvalidUtf8(Buffer.from('plain ✓ 𝄞 text'))).toBe(-1);
  });

  it('decodes UTF-16 LE with a BOM', async () => {
    const items = await collect(await fixture({ 'le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Grüße 𝄞', 'utf16le')]) }));
    expect(problems(items)).toEqual([]);
    expect(docs(items).map((d) => d.text)).toEqual(['Grüße 𝄞']);
  });

  it('decodes UTF-16 BE with a BOM', async () => {
    const le = Buffer.from('Grüße 𝄞\nline two', 'utf16le');
    const be = Buffer.from(le).swap16();
    const items = await collect(await fixture({ 'be.md': Buffer.concat([Buffer.from([0xfe, 0xff]), be]) }));
    expect(problems(items)).toEqual([]);
    expect(docs(items).map((d) => d.text)).toEqual(['Grüße 𝄞\nline two']);
  });

  it('strips a UTF-8 BOM from text files and from the first JSONL line', async () => {
    const bom = [0xef, 0xbb, 0xbf];
    const items = await collect(
      await fixture({
        'a.txt': bytes(bom, 'hello'),
        'b.jsonl': bytes(bom, '{"id":"r1","text":"one"}\n{"id":"r2","text":"two"}\n'),
        'c.html': bytes(bom, '<p>page</p>'),
      }),
    );
    expect(problems(items)).toEqual([]);
    expect(docs(items).map((d) => [d.id, d.text])).toEqual([
      ['a', 'hello'],
      ['r1', 'one'],
      ['r2', 'two'],
      ['c', 'page'],
    ]);
    expect(docs(items)[0]!.sha256).toBe(createHash('sha256').update('hello').digest('hex'));
  });
});

describe('readInputs: JSONL', () => {
  it('reports a malformed JSONL line with its line number and still reads the other lines', async () => {
    const items = await collect(
      await fixture({ 'docs.jsonl': '{"id":"a","text":"one"}\n\n{"id":"b","text": oops}\n{"id":"c","text":"three"}' }),
    );
    const [p] = problems(items);
    expect(problems(items)).toHaveLength(1);
    expect(p).toMatchObject({ path: 'input/docs.jsonl', where: 'line 3', severity: 'error' });
    expect(p!.message).toMatch(/^invalid JSON \(.+\)$/);
    expect(docs(items).map((d) => [d.id, d.line])).toEqual([
      ['a', 1],
      ['c', 4],
    ]);
  });

  it('reports a JSONL record without a "text" string and still reads the other lines', async () => {
    const items = await collect(
      await fixture({ 'docs.jsonl': '{"id":"a"}\n{"id":"b","text":42}\n[1,2]\n"just a string"\n{"id":"ok","text":"fine"}\n' }),
    );
    expect(problems(items).map((p) => [p.where, p.message])).toEqual([
      ['line 1', 'record has no "text" string'],
      ['line 2', 'record has no "text" string'],
      ['line 3', 'record has no "text" string'],
      ['line 4', 'record has no "text" string'],
    ]);
    expect(docs(items).map((d) => d.id)).toEqual(['ok']);
  });

  it('carries extra JSONL fields, keeps a numeric id as a number in rawId and makes an id when missing', async () => {
    const lines = [
      '{"id":2047,"text":"numeric","url":"https://example.com/a","lang":"en","tags":["x"]}',
      '{"text":"no id","url":null}',
      '{"id":"s1","text":"plain"}',
    ];
    const items = await collect(await fixture({ 'recs.jsonl': lines.join('\r\n') + '\r\n' }));
    expect(problems(items)).toEqual([]);
    const [a, b, c] = docs(items);
    expect(a).toMatchObject({ id: '2047', rawId: 2047, line: 1, format: 'jsonl', url: 'https://example.com/a', path: 'input/recs.jsonl' });
    expect(a!.extra).toEqual({ lang: 'en', tags: ['x'] });
    expect(b).toMatchObject({ id: 'recs-2', rawId: 'recs-2', line: 2, text: 'no id' });
    expect(b!.url).toBeUndefined();
    expect(b!.extra).toBeUndefined();
    expect(c).toMatchObject({ id: 's1', rawId: 's1', text: 'plain' });
    expect(c!.extra).toBeUndefined();
    expect(c!.sha256).toBe(createHash('sha256').update('plain').digest('hex'));
  });

  it('reads a JSONL file larger than one read chunk with the right line numbers', async () => {
    // Lines of ~300 bytes, 1000 of them: ~300 KB, so lines straddle the 64 KiB chunk boundaries.
    const lines = Array.from({ length: 1000 }, (_, i) => JSON.stringify({ id: i, text: `record ${i} ${'é'.repeat(140)}` }));
    lines[500] = '{"id":500,"text":"broken"';
    const items = await collect(await fixture({ 'big.jsonl': lines.join('\n') }));
    expect(problems(items).map((p) => p.where)).toEqual(['line 501']);
    const all = docs(items);
    expect(all).toHaveLength(999);
    expect(all.every((d) => d.line === (d.rawId as number) + 1 && d.text.startsWith(`record ${d.rawId} é`))).toBe(true);
    expect(all.at(-1)!.text).toBe(`record 999 ${'é'.repeat(140)}`);
  });

  it('reports invalid UTF-8 in a JSONL line by line number and file byte offset', async () => {
    const first = '{"id":"a","text":"one"}\n'; // 24 bytes
    const items = await collect(
      await fixture({ 'docs.jsonl': bytes(first, '{"id":"b","text":"t', [0xff], '"}\n{"id":"c","text":"three"}\n') }),
    );
    expect(problems(items)).toEqual([{ path: 'input/docs.jsonl', where: 'line 2', message: 'invalid UTF-8 at byte 43', severity: 'error' }]);
    expect(docs(items).map((d) => d.id)).toEqual(['a', 'c']);
  });

  it('reports a JSONL file with a NUL byte as binary without yielding records', async () => {
    const items = await collect(await fixture({ 'bin.jsonl': bytes('{"text":"a"}\n', [0], '\n') }));
    expect(items).toEqual([{ kind: 'problem', problem: { path: 'input/bin.jsonl', message: 'binary file (NUL byte at byte 13)', severity: 'error' } }]);
  });

  it('reads a UTF-16 JSONL file with a BOM', async () => {
    const text = '{"id":"u","text":"Grüße"}\r\n{"text":"two"}\r\n';
    const items = await collect(await fixture({ 'u16.jsonl': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) }));
    expect(problems(items)).toEqual([]);
    expect(docs(items).map((d) => [d.id, d.text, d.line])).toEqual([
      ['u', 'Grüße', 1],
      ['u16-2', 'two', 2],
    ]);
  });
});

describe('readInputs: files and folders', () => {
  it('skips an unknown extension with a note and reads the rest', async () => {
    const items = await collect(await fixture({ 'paper.PDF': '%PDF-1.4', README: 'no extension', 'ok.TXT': 'upper-case extension' }));
    expect(problems(items)).toEqual([
      { path: 'input/README', message: 'skipped: no file extension', severity: 'note' },
      { path: 'input/paper.PDF', message: 'skipped: unknown extension .pdf', severity: 'note' },
    ]);
    expect(docs(items).map((d) => [d.id, d.format])).toEqual([['ok', 'txt']]);
  });

  it.skipIf(isRoot)('reports an unreadable file as "cannot read (EACCES)" and reads the rest', async () => {
    const input = await fixture({ 'locked.txt': 'secret', 'open.txt': 'public' });
    await chmod(path.join(input, 'locked.txt'), 0o000);
    try {
      const items = await collect(input);
      expect(problems(items)).toEqual([{ path: 'input/locked.txt', message: 'cannot read (EACCES)', severity: 'error' }]);
      expect(docs(items).map((d) => d.text)).toEqual(['public']);
    } finally {
      await chmod(path.join(input, 'locked.txt'), 0o644);
    }
  });

  it('maps a read error to one line naming the code (EISDIR), for whole files and for JSONL', async () => {
    // Works as root too: reading a folder fails whatever the permissions. The walk would descend into
    // a folder named x.txt, so call the per-file reader directly.
    const input = await fixture({ 'x.txt/inner.md': 'inside', 'y.jsonl/inner.md': 'inside' });
    for (const name of ['x.txt', 'y.jsonl']) {
      const items: IngestItem[] = [];
      for await (const item of readFileItems(path.join(input, name), `input/${name}`)) items.push(item);
      expect(items).toEqual([{ kind: 'problem', problem: { path: `input/${name}`, message: 'cannot read (EISDIR)', severity: 'error' } }]);
    }
    // And through readInputs, a folder named x.txt is simply walked.
    expect(docs(await collect(input)).map((d) => d.path)).toEqual(['input/x.txt/inner.md', 'input/y.jsonl/inner.md']);
  });

  it.skipIf(process.platform === 'win32')('reports a FIFO as not a regular file instead of blocking on it', async () => {
    const input = await fixture({ 'a.txt': 'a' });
    execFileSync('mkfifo', [path.join(input, 'pipe.txt')]);
    const items = await collect(input);
    expect(problems(items)).toEqual([{ path: 'input/pipe.txt', message: 'not a regular file, skipped', severity: 'error' }]);
    expect(docs(items).map((d) => d.id)).toEqual(['a']);
  });

  it('reports a symlink loop once, finishes the walk and reads the other files', async () => {
    const input = await fixture({ 'a.txt': 'a', 'sub/b.txt': 'b', 'z.txt': 'z' });
    await symlink('..', path.join(input, 'sub', 'loop'), 'dir'); // input/sub/loop -> input
    await symlink('b.txt', path.join(input, 'sub', 'link.txt')); // a file link is followed
    await symlink('nowhere.txt', path.join(input, 'dangling.txt'));
    const items = await collect(input);
    expect(problems(items)).toEqual([
      { path: 'input/dangling.txt', message: 'broken symlink, not followed', severity: 'error' },
      { path: 'input/sub/loop', message: 'symlink loop, not followed', severity: 'error' },
    ]);
    expect(docs(items).map((d) => [d.path, d.text])).toEqual([
      ['input/a.txt', 'a'],
      ['input/sub/b.txt', 'b'],
      ['input/sub/link.txt', 'b'],
      ['input/z.txt', 'z'],
    ]);
  });

  it('yields entries sorted by POSIX path codepoints and skips dot-files and dot-folders', async () => {
    const names = ['é.txt', 'b.txt', 'a0.txt', 'a/z.txt', 'B.txt', 'a-b.txt', 'z.txt', '.hidden.txt', '.git/config.txt', 'a/.x.md'];
    const input = await fixture(Object.fromEntries(names.map((n) => [n, n])));
    const order = ['B.txt', 'a-b.txt', 'a/z.txt', 'a0.txt', 'b.txt', 'z.txt', 'é.txt'].map((n) => `input/${n}`);
    const first = (await collect(input)).map((i) => (i.kind === 'doc' ? i.doc.path : i.problem.path));
    expect(first).toEqual(order);
    // Same again: nothing depends on readdir order or timing.
    expect((await collect(input)).map((i) => (i.kind === 'doc' ? i.doc.path : ''))).toEqual(first);
  });

  it('extracts HTML visible text: scripts, styles and templates dropped, blocks on their own lines', async () => {
    const html = `<!doctype html><html><head><title>Tab title</title><style>p{color:red}</style>
      <script>var tracking = 1;</script></head><body>
      <noscript>Enable JavaScript</noscript><template><p>template text</p></template>
      <h1>Main   heading</h1>
      <p>First paragraph
         spans two lines.</p><p>Second <b>bold</b><script>inline()</script> paragraph.</p>
      <div>Block one</div><div>Block two<br>after break</div>
      <ul><li>item one</li><li>item two</li></ul>
      <div hidden>hidden div</div><div style="display: none">display none</div>
      <iframe>frame fallback</iframe><svg><text>icon label</text></svg>
      Loose text<table><tr><td>c1</td><td>c2</td></tr></table>
      </body></html>`;
    const items = await collect(await fixture({ 'page.htm': html }));
    expect(problems(items)).toEqual([]);
    const [doc] = docs(items);
    expect(doc).toMatchObject({ id: 'page', rawId: 'page', path: 'input/page.htm', format: 'html' });
    expect(doc!.url).toBeUndefined();
    expect(doc!.text).toBe(
      [
        'Main heading',
        '',
        'First paragraph spans two lines.',
        '',
        'Second bold paragraph.',
        '',
        'Block one',
        'Block two',
        'after break',
        'item one',
        'item two',
        'Loose text',
        'c1\tc2',
      ].join('\n'),
    );
    expect(doc!.sha256).toBe(createHash('sha256').update(doc!.text).digest('hex'));
  });

  it('makes paths relative to the parent of the input root, never absolute', async () => {
    const input = await fixture({ 'seed.txt': 'seed', 'sub/x.md': 'x' });
    const relInput = path.relative(process.cwd(), input);
    const pathsOf = async (p: string) => (await collect(p)).map((i) => (i.kind === 'doc' ? i.doc.path : `!${i.problem.path}`));
    expect(await pathsOf(input)).toEqual(['input/seed.txt', 'input/sub/x.md']); // absolute folder
    expect(await pathsOf(relInput)).toEqual(['input/seed.txt', 'input/sub/x.md']); // relative folder
    expect(await pathsOf(input + path.sep)).toEqual(['input/seed.txt', 'input/sub/x.md']); // trailing slash
    expect(await pathsOf(path.join(relInput, 'seed.txt'))).toEqual(['input/seed.txt']); // a single file
    expect(await pathsOf(path.join(input, 'sub'))).toEqual(['sub/x.md']); // a subfolder is its own root
    const [seed] = docs(await collect(path.join(input, 'seed.txt')));
    expect(seed).toMatchObject({ id: 'seed', rawId: 'seed' });
  });

  it('reports a missing input as one error without an absolute path', async () => {
    const input = await fixture({});
    const items = await collect(path.join(input, 'nope'));
    expect(items).toEqual([{ kind: 'problem', problem: { path: 'input/nope', message: 'input not found (ENOENT)', severity: 'error' } }]);
    const rel = await collect('does-not-exist/here.txt');
    expect(problems(rel)).toEqual([{ path: 'does-not-exist/here.txt', message: 'input not found (ENOENT)', severity: 'error' }]);
  });
});

describe('formatProblem', () => {
  it('gives one line with the file and the place', async () => {
    const items = await collect(await fixture({ 'docs.jsonl': '{"text":"a"}\n{"text":\n', 'bad.bin.txt': bytes('abc', [0]) }));
    const lines = problems(items).map(formatProblem);
    expect(lines[0]).toBe('sieve: input/bad.bin.txt: binary file (NUL byte at byte 3)');
    expect(lines[1]).toMatch(/^sieve: input\/docs\.jsonl: line 2: invalid JSON \(.+\)$/);
    // Even a hand-made problem with line breaks stays on one line.
    const odd = formatProblem({ path: 'input/a.txt', where: 'line\n4', message: 'two\nlines\r\nhere', severity: 'error' });
    expect(odd).toBe('sieve: input/a.txt: line 4: two lines here');
    expect(formatProblem({ path: 'input/x.pdf', message: 'skipped: unknown extension .pdf', severity: 'note' })).toBe(
      'sieve: input/x.pdf: skipped: unknown extension .pdf',
    );
  });
});
