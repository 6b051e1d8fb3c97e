/**
 * Colours per tone (Tailwind classes), shared by the blocks and the legend. Past
 * blocks are solid; future ones (after the cursor) are dashed outlines with grey
 * text that still meets contrast on a projector. Every block also carries its name
 * as text, so colour is never the only cue.
 */
import type { Tone } from './layout.ts';

export interface ToneStyle {
  /** Solid: a hook at or before the cursor. */
  readonly past: string;
  /** Dashed ghost: a hook after the cursor. */
  readonly future: string;
}

export const TONES: Readonly<Record<Tone, ToneStyle>> = {
  lifecycle: { past: 'border-slate-400 bg-slate-100 text-slate-800', future: 'border-slate-300' },
  leadership: { past: 'border-yellow-500 bg-yellow-100 text-yellow-900', future: 'border-yellow-400' },
  created: { past: 'border-indigo-400 bg-indigo-100 text-indigo-900', future: 'border-indigo-300' },
  joined: { past: 'border-emerald-600 bg-emerald-100 text-emerald-900', future: 'border-emerald-400' },
  changed: { past: 'border-sky-600 bg-sky-100 text-sky-900', future: 'border-sky-400' },
  departed: { past: 'border-amber-700 bg-amber-300 text-amber-950', future: 'border-amber-500' },
  broken: { past: 'border-2 border-red-600 bg-white text-red-700 font-bold', future: 'border-red-400' },
  ending: { past: 'border-slate-900 bg-slate-700 text-white', future: 'border-slate-500' },
  action: { past: 'border-fuchsia-500 bg-fuchsia-100 text-fuchsia-900', future: 'border-fuchsia-400' },
  exec: { past: 'border-fuchsia-700 bg-fuchsia-600 text-white', future: 'border-fuchsia-400' },
};

export const FAILED = 'border-red-800 bg-red-600 text-white font-bold';
export const FUTURE = 'border-dashed bg-white text-slate-500';
/** The badge on a real history's hook that Juju's guarantees rule out. */
export const FLAG = 'inline-flex h-4 min-w-4 items-center justify-center rounded-full bg-red-700 px-1 font-sans text-[11px] leading-none font-bold text-white ring-2 ring-white';

/** The badge on a code charm's hook that deferred (⏸) or re-emitted (↻) an ops event. */
export const DEFERRAL = 'inline-flex h-4 items-center rounded bg-violet-800 px-0.5 font-sans text-[10px] leading-none font-bold text-white ring-2 ring-white';

/** Legend entries in the order a relation lives: lifecycle, leadership, created … broken, stop/remove. */
export const LEGEND: ReadonlyArray<{ readonly tone: Tone; readonly label: string; readonly title: string }> = [
  { tone: 'lifecycle', label: 'install · start', title: 'install, config-changed, start' },
  { tone: 'leadership', label: 'leader', title: 'leader-elected, leader-settings-changed' },
  { tone: 'created', label: 'created', title: 'relation-created' },
  { tone: 'joined', label: 'joined', title: 'relation-joined' },
  { tone: 'changed', label: 'changed', title: 'relation-changed' },
  { tone: 'departed', label: 'departed', title: 'relation-departed' },
  { tone: 'broken', label: 'broken', title: 'relation-broken' },
  { tone: 'ending', label: 'stop · remove', title: 'stop, remove: the unit is going away' },
  { tone: 'action', label: 'action', title: 'an action (juju run)' },
];
