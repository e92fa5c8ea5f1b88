// Quality stage: machine-made text (spun paraphrase, word salad, cut-off fragments) and
// off-topic content. Not written yet (issue 3): it keeps every segment and says so.
import { note } from '../doc.js';
import type { Doc } from '../types.js';

export function quality(doc: Doc): void {
  note(doc, 'quality', 'not-implemented', 'quality stage has no rules yet: every segment kept');
}
