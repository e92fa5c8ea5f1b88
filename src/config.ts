// Run settings: defaults, then a config file (--config, JSON), then command-line flags. The
// config file's `settings` overrides thresholds of the rule and settings files (src/settings.ts).
// A bad value is a ConfigError: one line, exit code 2.
import fs from 'node:fs';
import path from 'node:path';
import { FORMATS, type Format } from './write/index.js';
import { checkOverrides, SettingsError, type Overrides, type SettingsInput } from './settings.js';

export interface Config {
  input: string;
  output: string;
  concurrency: number;
  formats: Format[];
  /** Topic taxonomy file (JSON); undefined: the default consumer-health taxonomy. */
  taxonomy?: string;
  /** Threshold overrides (src/settings.ts), checked. */
  settings?: Overrides;
  /** Run the per-document stages as jobs on this Redis (src/cluster), served by `sieve worker` processes. */
  redis?: string;
}

export class ConfigError extends Error {}

export const DEFAULTS: Config = { input: 'input', output: 'output', concurrency: 4, formats: [...FORMATS] };

/** Settings from a JSON config file; paths in it are relative to the file. */
export function readConfigFile(file: string): Partial<Config> {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const why = e instanceof SyntaxError ? `invalid JSON (${firstLine(e.message)})` : `cannot read (${(e as NodeJS.ErrnoException).code ?? firstLine(String(e))})`;
    throw new ConfigError(`${file}: ${why}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${file}: must be a JSON object`);
  const base = path.dirname(file);
  const out: Partial<Config> = {};
  for (const [key, value] of Object.entries(raw)) {
    const where = `${file}: "${key}"`;
    switch (key) {
      case 'input':
      case 'output':
      case 'taxonomy':
        if (typeof value !== 'string' || !value) throw new ConfigError(`${where} must be a non-empty path`);
        out[key] = path.join(base, value);
        break;
      case 'redis':
        if (typeof value !== 'string' || !value) throw new ConfigError(`${where} must be a Redis URL (redis://host:port)`);
        out.redis = value;
        break;
      case 'concurrency':
        out.concurrency = parseConcurrency(value, where);
        break;
      case 'formats':
        out.formats = parseFormats(value, where);
        break;
      case 'settings':
        try {
          out.settings = checkOverrides(value as SettingsInput, where);
        } catch (e) {
          throw e instanceof SettingsError ? new ConfigError(e.message) : e;
        }
        break;
      default:
        throw new ConfigError(`${where} is not a known setting (input, output, concurrency, formats, taxonomy, settings, redis)`);
    }
  }
  return out;
}

export function parseConcurrency(value: unknown, where: string): number {
  const n = typeof value === 'string' && /^\d+$/u.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 64) throw new ConfigError(`${where} must be a whole number from 1 to 64, not ${JSON.stringify(value)}`);
  return n;
}

export function parseFormats(value: unknown, where: string): Format[] {
  const list = typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value;
  if (!Array.isArray(list) || !list.length) throw new ConfigError(`${where} must list formats: ${FORMATS.join(', ')}`);
  for (const f of list) if (!FORMATS.includes(f as Format)) throw new ConfigError(`${where}: unknown format ${JSON.stringify(f)} (use ${FORMATS.join(', ')})`);
  return FORMATS.filter((f) => list.includes(f));
}

const firstLine = (s: string): string => s.split('\n')[0] ?? s;
