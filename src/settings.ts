// Thresholds: every numeric `{value, why}` entry of the settings files, settable per run (config
// file `settings`, API option `settings`) without editing the files. A setting is named by its
// section and entry, `boilerplate.teasers.minRun`; the furniture model's two thresholds are
// `boilerplate.model.threshold` and `boilerplate.model.thresholdFlat`. Overrides are checked
// against the defaults (a known name; a whole number where the default is one, a share from 0 to 1
// where the default is one) and a bad one is a SettingsError of one line. Settings travel with
// each task as the overrides only (usually none) and are resolved where the steps run.
// Of dedupe's thresholds (src/dedupe/rules.json) the five its comparisons decide by are settable;
// minWords, shingleChars, anchorWords, maxBucket and the MinHash sizes are not: they shape the
// lookup keys the workers compute and the buckets they go to.
import fallback from './boilerplate/fallback.json' with { type: 'json' };
import leads from './boilerplate/leads.json' with { type: 'json' };
import siteRepeats from './boilerplate/site-repeats.json' with { type: 'json' };
import comments from './boilerplate/comments.json' with { type: 'json' };
import teasers from './boilerplate/teasers.json' with { type: 'json' };
import pageType from './boilerplate/page-type.json' with { type: 'json' };
import model from './boilerplate/model.json' with { type: 'json' };
import quality from './quality/rules.json' with { type: 'json' };
import dedupe from './dedupe/rules.json' with { type: 'json' };

const DEFAULTS = {
  'boilerplate.model': {
    threshold: { value: model.threshold, why: 'the furniture model: content probability below which a segment is furniture (chosen on held-out pages, model.json)' },
    thresholdFlat: { value: model.thresholdFlat, why: 'the same on flattened pages (model.json)' },
  },
  'boilerplate.pageType': pageType,
  'boilerplate.fallback': fallback,
  'boilerplate.teasers': teasers,
  'boilerplate.comments': comments,
  'boilerplate.leads': leads,
  'boilerplate.siteRepeats': siteRepeats,
  'quality.splice': quality.splice,
  'quality.context': quality.context,
  'quality.doorway': quality.doorway,
  // The thresholds of dedupe's decisions; the others shape the lookup keys the workers compute.
  'dedupe.thresholds': {
    nearMinWords: dedupe.thresholds.nearMinWords,
    nearJaccard: dedupe.thresholds.nearJaccard,
    containment: dedupe.thresholds.containment,
    containmentMinWords: dedupe.thresholds.containmentMinWords,
    nearContainmentMinRatio: dedupe.thresholds.nearContainmentMinRatio,
  },
};

/** The settings in force: each section as its file holds it, with the values overridden. */
export type Settings = typeof DEFAULTS;
export type SectionName = keyof Settings;

/** Overrides as given: `{"boilerplate.teasers.minRun": 4}` or nested, `{"boilerplate": {"teasers": {"minRun": 4}}}`. */
export type SettingsInput = Record<string, unknown>;
/** Overrides checked and flattened: setting name -> value, sorted by name. */
export type Overrides = Record<string, number>;

export class SettingsError extends Error {}

export const defaultSettings: Settings = DEFAULTS;

/** Every settable name with its default value, in order. */
export function settingNames(): [string, number][] {
  const out: [string, number][] = [];
  for (const [section, entries] of Object.entries(DEFAULTS)) {
    for (const [name, entry] of Object.entries(entries)) if (isSetting(entry)) out.push([`${section}.${name}`, entry.value]);
  }
  return out;
}

function isSetting(entry: unknown): entry is { value: number } {
  return typeof entry === 'object' && entry !== null && typeof (entry as { value?: unknown }).value === 'number';
}

function flatten(input: unknown, prefix: string, out: Map<string, unknown>, where: string): void {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new SettingsError(`${where} must be an object of setting names and numbers`);
  for (const [key, value] of Object.entries(input)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) flatten(value, name, out, where);
    else out.set(name, value);
  }
}

/** Check overrides; `where` starts each error line ("config.json: \"settings\""). */
export function checkOverrides(input: SettingsInput | undefined, where: string): Overrides {
  if (input === undefined) return {};
  const flat = new Map<string, unknown>();
  flatten(input, '', flat, where);
  const known = new Map(settingNames());
  const out: Overrides = {};
  for (const [name, value] of [...flat].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const def = known.get(name);
    if (def === undefined) throw new SettingsError(`${where}: "${name}" is not a setting (settable: ${[...known.keys()].join(', ')})`);
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new SettingsError(`${where}: "${name}" must be a number, not ${JSON.stringify(value)}`);
    if (Number.isInteger(def) && (!Number.isInteger(value) || value < 0)) throw new SettingsError(`${where}: "${name}" must be a whole number >= 0, not ${value}`);
    if (!Number.isInteger(def) && def > 0 && def < 1 && (value < 0 || value > 1)) throw new SettingsError(`${where}: "${name}" must be a share from 0 to 1, not ${value}`);
    if (value < 0) throw new SettingsError(`${where}: "${name}" must be >= 0, not ${value}`);
    out[name] = value;
  }
  return out;
}

const resolved = new Map<string, Settings>();

/** The settings in force for checked overrides (made once per distinct overrides and thread; never changed after). */
export function resolveSettings(overrides: Overrides = {}): Settings {
  const key = JSON.stringify(overrides);
  if (key === '{}') return DEFAULTS;
  let settings = resolved.get(key);
  if (settings) return settings;
  const out: Record<string, Record<string, unknown>> = { ...DEFAULTS };
  for (const [name, value] of Object.entries(overrides)) {
    const at = name.lastIndexOf('.');
    const section = name.slice(0, at);
    const entry = name.slice(at + 1);
    const from = out[section]!;
    out[section] = { ...from, [entry]: { ...(from[entry] as object), value } };
  }
  settings = out as unknown as Settings;
  resolved.set(key, settings);
  return settings;
}
