// BullMQ's sandboxed processor file (a worker thread per job slot of `sieve worker`): plain
// JavaScript, so the thread can load it without a TypeScript loader; it registers tsx for the
// thread and hands each job to src/cluster/job.ts.
import { register } from 'tsx/esm/api';

register();
const { processJob } = await import(new URL('./job.ts', import.meta.url).href);

export default async function process(job) {
  return processJob(job.data);
}
