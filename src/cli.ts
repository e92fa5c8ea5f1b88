// sieve's command line: `npm run pipeline -- [options]`.
// Exit codes: 0 ok, 1 --check found differences, 2 usage or config error, 3 some inputs failed
// (the rest still written), 4 internal error.
import { parseArgs } from 'node:util';
import { ConfigError, DEFAULTS, parseConcurrency, parseFormats, readConfigFile, type Config } from './config.js';
import { runStreaming } from './run/stream.js';
import { createProgress } from './run/progress.js';
import { CheckSink, WriteSink, type Sink } from './write/sink.js';
import { formatProblem } from './ingest/index.js';
import { readTaxonomy, TaxonomyError, type Taxonomy } from './topics/index.js';
import { checkRedisUrl, RedisError } from './cluster/errors.js';

const HELP = `Usage: sieve [options]        (or: sieve worker --redis URL, see sieve worker --help)
  --input PATH        file or folder to read (default: input/)
  --output DIR        folder to write (default: output/)
  --config FILE       JSON file with input, output, concurrency, formats, taxonomy, settings, redis
  --concurrency N     documents processed at once (default: 4)
  --format LIST       json, md, jsonl, html (comma-separated; default: all four)
  --taxonomy FILE     topic taxonomy (JSON; default: consumer health, src/topics/taxonomy.json)
  --redis URL         coordinate: the per-document stages run as jobs on this Redis, in sieve worker processes
  --check             compare with the files in --output, print a diff, exit 1 on change
  --update            write, and delete files of an earlier run this run did not produce
  --quiet             print only errors
  --help              this text`;

export const EXIT = { ok: 0, differences: 1, usage: 2, inputs: 3, internal: 4 } as const;

export async function main(argv: string[], log: (line: string) => void = (l) => process.stderr.write(l + '\n')): Promise<number> {
  if (argv[0] === 'worker') return (await import('./cluster/cli.js')).workerMain(argv.slice(1), log);
  let args;
  try {
    args = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        input: { type: 'string' }, output: { type: 'string' }, config: { type: 'string' },
        concurrency: { type: 'string' }, format: { type: 'string' }, taxonomy: { type: 'string' }, redis: { type: 'string' },
        check: { type: 'boolean' }, update: { type: 'boolean' }, quiet: { type: 'boolean' }, help: { type: 'boolean' },
      },
    }).values;
  } catch (e) {
    log(`sieve: ${(e as Error).message.split('\n')[0]} (see --help)`);
    return EXIT.usage;
  }
  if (args.help) {
    process.stdout.write(HELP + '\n');
    return EXIT.ok;
  }
  let config: Config;
  let taxonomy: Taxonomy | undefined;
  try {
    if (args.check && args.update) throw new ConfigError('--check and --update cannot be used together');
    config = { ...DEFAULTS, ...(args.config ? readConfigFile(args.config) : {}) };
    if (args.input !== undefined) config.input = args.input;
    if (args.output !== undefined) config.output = args.output;
    if (args.concurrency !== undefined) config.concurrency = parseConcurrency(args.concurrency, '--concurrency');
    if (args.format !== undefined) config.formats = parseFormats(args.format, '--format');
    if (args.taxonomy !== undefined) config.taxonomy = args.taxonomy;
    if (args.redis !== undefined) config.redis = args.redis;
    if (config.redis !== undefined) checkRedisUrl(config.redis);
    taxonomy = config.taxonomy !== undefined ? readTaxonomy(config.taxonomy) : undefined;
  } catch (e) {
    if (e instanceof ConfigError || e instanceof TaxonomyError || e instanceof RedisError) {
      log(`sieve: ${e.message}`);
      return EXIT.usage;
    }
    throw e;
  }

  const started = performance.now();
  const sink: Sink = args.check ? new CheckSink(config.output) : new WriteSink(config.output, Boolean(args.update));
  // Progress only on a terminal, never in CI or with --quiet; problems print as they are reached.
  const progress = createProgress({ quiet: Boolean(args.quiet), log });
  let report;
  try {
    report = await runStreaming({
      input: config.input, concurrency: config.concurrency, formats: config.formats, sink, progress, ...(taxonomy ? { taxonomy } : {}), ...(config.settings ? { settings: config.settings } : {}),
      ...(config.redis !== undefined ? { redis: config.redis } : {}),
      onProblem: (p) => { if (p.severity === 'error' || !args.quiet) progress.log(formatProblem(p)); },
    });
  } catch (e) {
    // Nothing half-written stays: files in progress were going to temporary names (src/write/sink.ts).
    await sink.abort?.();
    if (e instanceof RedisError) {
      progress.done();
      log(`sieve: ${e.message}`);
      return e.atStart ? EXIT.usage : EXIT.internal;
    }
    throw e;
  } finally {
    progress.done();
  }
  const diffs = await sink.finish();
  const { totals } = report;
  const errors = totals.errors;

  if (!args.quiet) {
    const removed = totals.segments - totals.kept;
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    log(`sieve: ${totals.documents} documents, ${(totals.chars / 1e6).toFixed(2)} M chars, ${totals.segments} segments (${totals.kept} kept, ${removed} removed), ${totals.claims} claims, ${errors} errors in ${secs} s -> ${config.output}`);
  }
  if (args.check) {
    for (const d of diffs) process.stdout.write(d);
    if (diffs.length) {
      log(`sieve: --check: ${diffs.length} file(s) differ from ${config.output} (run with --update to accept)`);
      return EXIT.differences;
    }
    if (!args.quiet) log(`sieve: --check: output matches ${config.output}`);
  }
  return errors ? EXIT.inputs : EXIT.ok;
}

// Run when executed directly (npm run pipeline, bin/sieve.js), not when imported by tests.
if (process.argv[1] && /cli\.[tj]s$/u.test(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      process.stderr.write(`sieve: internal error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
      if (process.env.SIEVE_DEBUG) console.error(e);
      process.exitCode = EXIT.internal;
    },
  );
}
