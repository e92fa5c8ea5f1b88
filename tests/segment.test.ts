import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { segmentText } from '../src/segment/index.js';
import { cutChunks } from '../src/segment/chunks.js';
import { hasShared, readJsonl, sharedDir } from './helpers/shared.js';
import type { Span } from '../src/segment/index.js';

/** The invariant: spans in order, not overlapping, trimmed, and every non-whitespace character in one. */
function coverageErrors(text: string, spans: Span[]): string[] {
  const errors: string[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) errors.push(`overlap or disorder at ${s.start}`);
    if (/\S/u.test(text.slice(at, s.start))) errors.push(`uncovered text before ${s.start}: ${JSON.stringify(text.slice(at, s.start).slice(0, 40))}`);
    const seg = text.slice(s.start, s.end);
    if (!seg || seg !== seg.trim() || /^\s|\s$/u.test(seg)) errors.push(`untrimmed or empty span ${s.start}-${s.end}`);
    at = s.end;
  }
  if (/\S/u.test(text.slice(at))) errors.push('uncovered text at the end');
  return errors;
}

const texts = (spans: Span[], text: string): string[] => spans.map((s) => text.slice(s.start, s.end));

describe('segmentation', () => {
  it('splits a flattened paragraph into sentences with exact offsets', () => {
    const text = 'Rest the leg for a week. Ice helps with swelling! Does stretching help? Yes.';
    const spans = segmentText(text);
    expect(texts(spans, text)).toEqual(['Rest the leg for a week.', 'Ice helps with swelling!', 'Does stretching help?', 'Yes.']);
    expect(coverageErrors(text, spans)).toEqual([]);
  });

  it('treats every line break as a boundary', () => {
    const text = 'Home\nNutrition\r\nA balanced plate has\nhalf vegetables.';
    expect(texts(segmentText(text), text)).toEqual(['Home', 'Nutrition', 'A balanced plate has', 'half vegetables.']);
  });

  it('cuts where the kind changes inside a sentence: pipes, breadcrumbs, URLs, cut-offs, short leads', () => {
    const text = 'Get our free guide, Home » Diet » Oats Explained. Home | Recipes | Contact. ' +
      'See https://example.org/oats-guide for more. Oats are cheap and … Fiber keeps you full. ' +
      'Sources: Most oats are gluten free. the reader wrote this in lowercase.';
    expect(texts(segmentText(text), text)).toEqual([
      'Get our free guide,', 'Home » Diet » Oats Explained.', 'Home', '| Recipes', '| Contact.',
      'See', 'https://example.org/oats-guide', 'for more.', 'Oats are cheap and …', 'Fiber keeps you full.',
      'Sources:', 'Most oats are gluten free.', 'the reader wrote this in lowercase.',
    ]);
  });

  it('cuts after a Q&A credit line, and before a connective glued to a list', () => {
    const text = 'Answered by Dr. Ana Costa: Yes, oats are safe for most people with coeliac disease. ' +
      'Oat milk (sweetened), Oat bran (raw) However, plain oats have the most fibre.';
    expect(texts(segmentText(text), text)).toEqual([
      'Answered by Dr. Ana Costa:', 'Yes, oats are safe for most people with coeliac disease.',
      'Oat milk (sweetened), Oat bran (raw)', 'However, plain oats have the most fibre.',
    ]);
  });

  it('joins a sentence end the parser found after an abbreviation followed by a number, on one line only', () => {
    const text = 'The bus No. 42 was late again. See Fig. 3 for the route. He won. 5 people came. It was Jan.\n5 people came.';
    expect(texts(segmentText(text), text)).toEqual([
      'The bus No. 42 was late again.', 'See Fig. 3 for the route.', 'He won.', '5 people came.', 'It was Jan.', '5 people came.',
    ]);
  });

  it('does not cut after abbreviations or inside code with ||', () => {
    const text = 'Take it with food, e.g. toast or rice. Ask Dr. lee first. (ads = window.ads || []).push({}); Next line.';
    const t = texts(segmentText(text), text);
    expect(t).toContain('Take it with food, e.g. toast or rice.');
    expect(t).toContain('(ads = window.ads || []).push({});');
    expect(t.some((s) => s.startsWith('Ask Dr.') && s.includes('lee first.'))).toBe(true);
  });

  it('gives chunks of at most 64 KB cut at line breaks or sentence ends, covering the text exactly', () => {
    const sentence = 'Walking after meals helps digestion. ';
    const text = sentence.repeat(6000) + '\n' + 'x'.repeat(70_000);
    const chunks = cutChunks(text);
    expect(chunks[0]?.start).toBe(0);
    expect(chunks.at(-1)?.end).toBe(text.length);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]?.start).toBe(chunks[i - 1]?.end);
    for (const c of chunks) expect(c.end - c.start).toBeLessThanOrEqual(64 * 1024);
    expect(text[chunks[0]!.end - 1]).toMatch(/[\s.]/u);
  });

  it('covers a long one-line text parsed in chunks, with offsets into the whole text', () => {
    const text = Array.from({ length: 4000 }, (_, i) => `Sentence number ${i} says something about sleep.`).join(' ');
    const spans = segmentText(text);
    expect(coverageErrors(text, spans)).toEqual([]);
    expect(spans).toHaveLength(4000);
    expect(text.slice(spans[3999]!.start, spans[3999]!.end)).toBe('Sentence number 3999 says something about sleep.');
  });

  it('keeps surrogate pairs, non-breaking spaces and a lone symbol inside segments', () => {
    const text = 'Drink water 💧 daily.\u00a0 — \u00a0Stay cool 🧘‍♀️!';
    expect(coverageErrors(text, segmentText(text))).toEqual([]);
  });
});

describe.skipIf(!hasShared)('segmentation covers every character of the labeled and benchmark data', () => {
  it('on the gold seed', () => {
    const text = fs.readFileSync(path.join(sharedDir, 'gold', 'seed', 'input.txt'), 'utf8').replace(/^\uFEFF/u, '');
    expect(coverageErrors(text, segmentText(text))).toEqual([]);
  });

  for (const file of ['aeb.jsonl', 'trafilatura.jsonl', 'wcxb.jsonl', 'c4.jsonl']) {
    it(`on every document of ${file}, with and without line breaks`, () => {
      const failures: string[] = [];
      for (const doc of readJsonl<{ id: string; text: string; text_flat?: string }>(path.join(sharedDir, 'bench', file))) {
        for (const text of [doc.text, doc.text_flat ?? '']) {
          const errors = coverageErrors(text, segmentText(text));
          if (errors.length) failures.push(`${doc.id}: ${errors[0]}`);
        }
      }
      expect(failures).toEqual([]);
    }, 300_000);
  }
});
