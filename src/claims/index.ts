// Claims stage: claim type, sources and topics for kept statements. Not written yet (issue 5):
// it finds no claims and says so.
import { note } from '../doc.js';
import type { Doc } from '../types.js';

export function claims(doc: Doc): void {
  if (doc.segments.length) note(doc, 'claims', 'not-implemented', 'claims stage not written yet: no claims extracted');
}
