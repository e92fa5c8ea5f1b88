// What the run page needs beyond index.json, gathered per document as it is finished (a streaming
// run holds no documents): how many messages each document's stages reported, and the most
// repeated sentences (markdown-repeats.ts's rows; only the top ones are kept).
import type { Doc } from '../../types.js';
import { isRemovalMessage } from '../../doc.js';
import { repeatRows, TopRepeats, type RepeatRow } from '../markdown-repeats.js';

export interface ReviewSummary {
  /** The document's messages other than removals (what its JSON lists under `messages`). */
  messages: number;
  repeats: RepeatRow[];
}

export function reviewSummary(doc: Doc): ReviewSummary {
  return { messages: doc.file.messages.filter((m) => !isRemovalMessage(m)).length, repeats: repeatRows(doc) };
}

/** Fed in input order, like the index's documents. */
export class RunReview {
  readonly messages: number[] = [];
  readonly repeats = new TopRepeats();

  add(summary: ReviewSummary): void {
    this.messages.push(summary.messages);
    this.repeats.add(summary.repeats);
  }
}
