// One thread of the bench's two-thread retext floor (scripts/bench.ts): parses the texts it was
// given, in the segmenter's chunks, once the main thread says go, and reports how long it took.
import { parentPort, workerData } from 'node:worker_threads';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import { cutChunks } from '../src/segment/chunks.js';

const { texts } = workerData as { entry: string; texts: string[] };
const port = parentPort!;
port.once('message', () => {
  const parser = unified().use(retextEnglish);
  const t0 = performance.now();
  for (const text of texts) for (const c of cutChunks(text)) parser.parse(text.slice(c.start, c.end));
  port.postMessage(performance.now() - t0);
});
port.postMessage('ready');
