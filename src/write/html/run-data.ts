// What the run page needs beyond index.json, gathered per document as it is finished (a streaming
// run holds no documents): how many messages each document's stages reported. (The most repeated
// sentences are in index.json's `repeated`.)
import type { Doc } from '../../types.js';
import { isRemovalMessage } from '../../doc.js';

export interface ReviewSummary {
  /** The document's messages other than removals (what its JSON lists under `messages`). */
  messages: number;
}

export function reviewSummary(doc: Doc): ReviewSummary {
  return { messages: doc.file.messages.filter((m) => !isRemovalMessage(m)).length };
}

/** Fed in input order, like the index's documents. */
export class RunReview {
  readonly messages: number[] = [];

  add(summary: ReviewSummary): void {
    this.messages.push(summary.messages);
  }
}
