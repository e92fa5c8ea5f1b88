// Worker threads start here: plain JavaScript, so Node can load it without a TypeScript loader
// whatever started the parent (tsx, vitest, bin/sieve.js). It registers tsx for this thread and
// then imports the TypeScript worker named in workerData.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
