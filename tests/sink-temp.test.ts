// Output files go to temporary names and are renamed into place once complete, so a run that
// fails leaves whole files or none (src/write/sink.ts).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { WriteSink } from '../src/write/sink.js';
import { tempDir } from './helpers/run.js';

describe('writing output files', () => {
  it('shows a file under its name only once it is complete', async () => {
    const dir = tempDir();
    const sink = new WriteSink(dir, false);
    await sink.append('cleaned.jsonl', '{"id":"a"}\n');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'))).toEqual([]);
    await sink.write('a.json', '{}\n');
    expect(fs.readFileSync(path.join(dir, 'a.json'), 'utf8')).toBe('{}\n');
    await sink.append('cleaned.jsonl', '{"id":"b"}\n');
    await sink.finish();
    expect(fs.readdirSync(dir).sort()).toEqual(['a.json', 'cleaned.jsonl']);
    expect(fs.readFileSync(path.join(dir, 'cleaned.jsonl'), 'utf8')).toBe('{"id":"a"}\n{"id":"b"}\n');
  });

  it('leaves no partial file when the run is aborted, and keeps the files of an earlier run', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'cleaned.jsonl'), 'earlier run\n');
    const sink = new WriteSink(dir, false);
    await sink.append('cleaned.jsonl', '{"id":"a"}\n');
    await sink.write('sub/a.json', '{}\n');
    await sink.abort();
    expect(fs.readFileSync(path.join(dir, 'cleaned.jsonl'), 'utf8')).toBe('earlier run\n');
    expect(fs.readdirSync(dir).sort()).toEqual(['cleaned.jsonl', 'sub']);
    expect(fs.readdirSync(path.join(dir, 'sub'))).toEqual(['a.json']);
  });

  it('removes the temporary files a killed run left, and not those of a run still writing', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'sub'));
    const dead = spawnSync(process.execPath, ['-e', '']).pid!; // ended when spawnSync returns
    const alive = process.ppid;
    const stale = [`a.json.${dead}.part`, `cleaned.jsonl.${dead}.part`, `sub/b.md.${dead}.part`];
    const kept = [`c.json.${alive}.part`, `notes.txt.${dead}.part`, 'd.json'];
    for (const f of [...stale, ...kept]) fs.writeFileSync(path.join(dir, f), 'x');
    const sink = new WriteSink(dir, false);
    await sink.write('e.json', '{}\n');
    await sink.write('sub/f.json', '{}\n');
    await sink.finish();
    expect(fs.readdirSync(dir).sort()).toEqual([`c.json.${alive}.part`, 'd.json', 'e.json', `notes.txt.${dead}.part`, 'sub'].sort());
    expect(fs.readdirSync(path.join(dir, 'sub'))).toEqual(['f.json']);
  });
});
