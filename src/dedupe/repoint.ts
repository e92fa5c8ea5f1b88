// Re-pointing a removed copy at a new kept segment. Used only when a later, complete copy
// supersedes a cut-off one that had already absorbed copies (see index.ts): the copies must
// point at the segment that is kept, not at the removed fragment.
import type { Doc, Reason, Segment } from '../types.js';

export function repoint(doc: Doc, segment: Segment, reason: Reason, keptId: string, why: string): void {
  segment.reason = reason;
  segment.duplicateOf = keptId;
  // remove() reported the first decision on the vfile; update that message so reporters agree.
  const message = doc.file.messages.find((m) => m.source === 'dedupe' && m.place !== undefined && m.place !== null
    && 'start' in m.place && m.place.start.offset === segment.start);
  if (message) {
    message.reason = why;
    message.message = why;
    message.ruleId = reason.rule;
  }
}
