// The GC policy of a process that runs sieve from the command line (bin/sieve.js; and the bench,
// scripts/bench-child.mjs, which measures what users run). Imported first, before anything
// allocates. The library (src/api.ts) sets nothing: a program that embeds sieve owns its process.
import v8 from 'node:v8';

/**
 * How far a heap may grow past what the last full collection kept before the next one starts, in
 * percent. V8's own choice on a machine with plenty of memory goes up to 300: on 4 copies of the
 * bench the main thread, which holds dedupe's memory through pass 1, grew to 424 MB for 139 MB
 * live (and to over 500 MB in pass 2, with dedupe's memory garbage by then), most of the
 * process's peak RSS. The flag applies to every thread of the process.
 */
export const HEAP_GROWING_PERCENT = 100;

v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
