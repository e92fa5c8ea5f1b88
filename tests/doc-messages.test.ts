// A removal's vfile message is made when someone reads the file's messages, not at the removal:
// readers see the same messages, in the same order, as if each were made at once.
import { describe, expect, it } from 'vitest';
import { createDoc, findings, isRemovalMessage, note, remove } from '../src/doc.js';
import { makeDoc } from '../src/ingest/doc.js';

function twoLineDoc() {
  const text = 'Home | News\nThe council met on Tuesday.\nSubscribe now';
  const source = makeDoc({ id: 'a', rawId: 'a', path: 'a.txt', format: 'txt', text });
  return createDoc(source, 'a', [{ start: 0, end: 11 }, { start: 12, end: 39 }, { start: 40, end: 53 }]);
}

describe('removal messages', () => {
  it('appear on file.messages with their rule, place and stage, in order with notes', () => {
    const doc = twoLineDoc();
    remove(doc, doc.segments[0]!, { stage: 'boilerplate', kind: 'nav', rule: 'nav-pipe-list' });
    note(doc, 'boilerplate', 'model-fallback', 'a note between two removals');
    remove(doc, doc.segments[2]!, { stage: 'boilerplate', kind: 'cta', rule: 'cta-signup' }, { why: 'a sign-up line' });
    const messages = doc.file.messages;
    expect(messages.map((m) => m.ruleId)).toEqual(['nav-pipe-list', 'model-fallback', 'cta-signup']);
    expect(messages.map((m) => isRemovalMessage(m))).toEqual([true, false, true]);
    expect(messages[0]!.reason).toBe('nav: nav-pipe-list');
    expect(messages[2]!.reason).toBe('a sign-up line');
    expect(messages[2]!.source).toBe('boilerplate');
    expect(messages[2]!.place).toEqual({ start: { line: 3, column: 1, offset: 40 }, end: { line: 3, column: 14, offset: 53 } });
  });

  it('are left out of findings, which keep the other messages', () => {
    const doc = twoLineDoc();
    remove(doc, doc.segments[0]!, { stage: 'boilerplate', kind: 'nav', rule: 'nav-pipe-list' });
    note(doc, 'quality', 'short-page', 'a note');
    expect(findings(doc.file).map((m) => m.ruleId)).toEqual(['short-page']);
    expect(doc.file.messages).toHaveLength(2);
    expect(findings(doc.file).map((m) => m.ruleId)).toEqual(['short-page']);
  });
});
