// sieve's public API. Everything a program needs is exported here and nowhere else
// (tests/api.test.ts holds the exact list).
export { clean, cleanText, createSieve, SieveInputError, type Sieve, type SieveOptions, type TaxonomyInput } from './api.js';
export { SettingsError, type SettingsInput } from './settings.js';
export { readTaxonomy, defaultTaxonomy, TaxonomyError, type Taxonomy } from './topics/index.js';
export type { InputRecord, RecordSource } from './ingest/records.js';
export type { Executor, ExecutorFactory } from './run/executor.js';
export type { SieveDocumentOutput, SieveRunIndex } from './write/output-types.js';
