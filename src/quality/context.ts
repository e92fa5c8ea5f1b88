// Context smoothing for machine-made text (jusText's idea, applied to the salad tail): an
// auto-summary or a spun block comes as a long run of segments, most of them already removed as
// garbled, cut off or furniture. A segment still kept with such a run on both sides belongs to it.
// Repeated until nothing changes, so a run's kept segments are taken from its middle outwards,
// never past its edges (each needs removed neighbours on both sides).
import type { Doc, Segment } from '../types.js';

export interface ContextSettings {
  /** Neighbours looked at on each side. */
  window: number;
  /** Share of the looked-at neighbours that must be removed already. */
  minShare: number;
  /** Of them, how many must be machine-made (garbled or fragment, by this stage). */
  minMachine: number;
  /** Removed neighbours needed on each side. */
  minPerSide: number;
}

/** Machine-made: removed by the quality stage as garbled or a fragment. */
export function isMachineMade(segment: Segment): boolean {
  return segment.status === 'removed' && segment.reason?.stage === 'quality' && (segment.reason.kind === 'garbled' || segment.reason.kind === 'fragment');
}

/** Hands `take` each kept segment inside a machine-made run (`take` must remove it), until none is left. */
export function smoothMachineRuns(doc: Doc, settings: ContextSettings, take: (i: number) => void): void {
  const { segments } = doc;
  for (let changed = true; changed; ) {
    changed = false;
    const removed = segments.map((s) => s.status === 'removed');
    const machine = segments.map(isMachineMade);
    segments.forEach((segment, i) => {
      if (segment.status !== 'kept') return;
      const lo = Math.max(0, i - settings.window);
      const hi = Math.min(segments.length, i + 1 + settings.window);
      const count = (flags: boolean[], from: number, to: number): number => flags.slice(from, to).filter(Boolean).length;
      const before = count(removed, lo, i);
      const after = count(removed, i + 1, hi);
      const seen = hi - lo - 1;
      if (before < settings.minPerSide || after < settings.minPerSide) return;
      if ((before + after) / seen < settings.minShare) return;
      if (count(machine, lo, hi) < settings.minMachine) return;
      take(i);
      changed = true;
    });
  }
}
