// Boilerplate stage: page furniture (ads, calls to action, navigation, legal lines, bylines,
// related titles, citations, forum text). Not written yet (issue 3): it keeps every segment and
// says so in the document's messages, so no text is removed without a reason.
import { note } from '../doc.js';
import type { Doc } from '../types.js';

export function boilerplate(doc: Doc): void {
  note(doc, 'boilerplate', 'not-implemented', 'boilerplate stage has no rules yet: every segment kept');
}
