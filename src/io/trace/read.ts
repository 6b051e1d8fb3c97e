/**
 * Reading real histories: each file's format found (or given), its hooks read, and
 * several files (one per unit, or several tools' views) merged into one history by
 * time. Inputs are untrusted: sizes are bounded, unknown lines are counted and
 * skipped, and every record keeps its file and line.
 */
import { looksLikeDebugLog, looksLikeMachineLock, readDebugLog, readMachineLock } from './debugLog.ts';
import { looksLikeJhackTail, looksLikeRelvizJson, readJhackTail, readRelvizJson } from './otherFormats.ts';
import type { ImportedHook, ParsedFile, TraceFormat } from './record.ts';
import { looksLikeStatusLog, readStatusLog } from './statusLog.ts';

/** Most text read in all (a week of a busy model's debug-log is well under this). */
export const MAX_TRACE_CHARS = 64 * 1024 * 1024;
/** Most hooks kept, across files. */
export const MAX_TRACE_HOOKS = 1_000_000;

export class TraceReadError extends Error {
  override name = 'TraceReadError';
}

export interface TraceFile {
  readonly name: string;
  readonly text: string;
}

export interface ReadOptions {
  /** The format of every file; found from each file's lines when not given. */
  readonly format?: TraceFormat;
  /** The unit a file without unit names is about (a unit's own log, show-status-log). */
  readonly unit?: string;
}

/** What each format cannot tell, said with every report that reads it. */
export const FORMAT_LIMITS: Readonly<Record<TraceFormat, string>> = {
  'debug-log':
    'debug-log at INFO names the hook but not the relation id or the remote unit; ops lines at DEBUG ("Emitting Juju event") add the relation id, the uniter\'s DEBUG operation lines the remote and departing unit. It starts when logging started.',
  'show-status-log': 'show-status-log names the remote unit ("for pg/1") but not the relation id or the departing unit, does not record update-status, and keeps only the last entries of each unit.',
  'jhack-tail': 'jhack tail shows event names only: no relation id, no remote unit.',
  'machine-lock': 'machine-lock.log names the relation id and the remote unit or app, but not the endpoint.',
  'relviz-json': "relviz's JSON lines carry the relation id, remote and departing unit of every hook, but no time: they are not merged by time with other files.",
};

/** The format whose lines most of the text looks like; null when none does. */
export function detectFormat(text: string): TraceFormat | null {
  const lines = text.split(/\r?\n/, 2000);
  const scores: [TraceFormat, number][] = [
    ['relviz-json', looksLikeRelvizJson(lines) * 2],
    ['machine-lock', looksLikeMachineLock(lines) * 2],
    ['show-status-log', looksLikeStatusLog(lines)],
    ['jhack-tail', looksLikeJhackTail(lines)],
    ['debug-log', looksLikeDebugLog(lines)],
  ];
  const [format, score] = scores.reduce((best, s) => (s[1] > best[1] ? s : best));
  return score > 0 ? format : null;
}

export function readFile(file: TraceFile, opts: ReadOptions = {}): ParsedFile {
  const format = opts.format ?? detectFormat(file.text);
  if (format === null) throw new TraceReadError(`${file.name}: not a history relviz reads (debug-log, show-status-log, jhack tail, machine-lock.log or relviz JSON lines)`);
  const unit = opts.unit !== undefined ? { unit: opts.unit } : {};
  switch (format) {
    case 'debug-log':
      return readDebugLog(file.text, file.name, unit);
    case 'show-status-log':
      return readStatusLog(file.text, file.name, unit);
    case 'machine-lock':
      return readMachineLock(file.text, file.name);
    case 'jhack-tail':
      return readJhackTail(file.text, file.name);
    case 'relviz-json':
      return readRelvizJson(file.text, file.name);
  }
}

export interface History {
  readonly files: readonly ParsedFile[];
  /** Every hook, oldest first; within one file in the file's order. */
  readonly hooks: readonly ImportedHook[];
  /** What the order across files rests on, and other caveats. */
  readonly notes: readonly string[];
}

/** Reads and merges files into one history (bounded; a TraceReadError names the file that cannot be read). */
export function readHistory(files: readonly TraceFile[], opts: ReadOptions = {}): History {
  if (files.length === 0) throw new TraceReadError('no history given');
  const chars = files.reduce((n, f) => n + f.text.length, 0);
  if (chars > MAX_TRACE_CHARS) throw new TraceReadError(`the histories are ${(chars / 1048576).toFixed(1)} MB: relviz reads at most ${MAX_TRACE_CHARS / 1048576} MB at once`);
  const parsed = files.map((f) => readFile(f, opts));
  const total = parsed.reduce((n, p) => n + p.hooks.length, 0);
  if (total > MAX_TRACE_HOOKS) throw new TraceReadError(`the histories hold ${total.toLocaleString('en')} hooks: relviz reads at most ${MAX_TRACE_HOOKS.toLocaleString('en')} at once`);
  const notes: string[] = [];
  const timed = parsed.filter((p) => p.hooks.some((h) => h.time !== undefined));
  const untimed = parsed.filter((p) => p.hooks.length > 0 && !timed.includes(p));
  if (parsed.length > 1 && untimed.length > 0) notes.push(`${untimed.map((p) => p.file).join(', ')} ha${untimed.length === 1 ? 's' : 've'} no times: put after the others, not merged by time`);
  // Dates (ms since 1970) and clock-only times (ms since midnight) cannot be compared: use the time of day.
  const dated = (p: ParsedFile) => p.hooks.some((h) => h.time !== undefined && h.time >= 86_400_000 * 365);
  const mixed = timed.some(dated) && timed.some((p) => !dated(p));
  if (mixed) notes.push('some files have dates and some only times of day: merged by the time of day');
  const key = (h: ImportedHook) => (h.time === undefined ? undefined : mixed ? h.time % 86_400_000 : h.time);
  const merged = [...merge(timed.map((p) => p.hooks), key), ...untimed.flatMap((p) => p.hooks)];
  const { hooks, joined } = joinDuplicates(merged);
  if (joined > 0) notes.push(`${joined} hook${joined === 1 ? '' : 's'} appeared in two files (the same unit, hook and second): each is counted once, with what both files say`);
  return { files: parsed, hooks, notes };
}

/**
 * Two files about the same unit (its debug-log and its show-status-log, say) tell of
 * the same hook twice: the same unit and hook, from another file, in the same second,
 * with nothing of that unit between. They are one hook, with what each file knows.
 */
function joinDuplicates(hooks: readonly ImportedHook[]): { hooks: ImportedHook[]; joined: number } {
  const out: ImportedHook[] = [];
  const lastOfUnit = new Map<string, number>();
  let joined = 0;
  for (const h of hooks) {
    const at = lastOfUnit.get(h.unit);
    const prev = at === undefined ? undefined : out[at];
    if (prev && at !== undefined && prev.hook === h.hook && prev.source.file !== h.source.file && prev.time !== undefined && h.time !== undefined && Math.abs(prev.time - h.time) < 1000) {
      out[at] = {
        ...prev,
        relationId: prev.relationId ?? h.relationId,
        remoteUnit: prev.remoteUnit !== undefined ? prev.remoteUnit : h.remoteUnit,
        remoteApp: prev.remoteApp !== undefined ? prev.remoteApp : h.remoteApp,
        departingUnit: prev.departingUnit !== undefined ? prev.departingUnit : h.departingUnit,
        outcome: prev.outcome === 'failed' || h.outcome === 'failed' ? 'failed' : prev.outcome,
        also: [...prev.also, h.source, ...h.also],
      };
      joined++;
      continue;
    }
    lastOfUnit.set(h.unit, out.length);
    out.push(h);
  }
  return { hooks: out, joined };
}

/**
 * Merges per-file lists by time, each list keeping its own order: the head with the
 * earliest time goes next (a head without a time goes at once; ties go to the earlier file).
 */
function merge(lists: readonly (readonly ImportedHook[])[], key: (h: ImportedHook) => number | undefined): ImportedHook[] {
  if (lists.length === 1) return [...(lists[0] ?? [])];
  const at = lists.map(() => 0);
  const out: ImportedHook[] = [];
  for (;;) {
    let best = -1;
    let bestTime = Infinity;
    for (let f = 0; f < lists.length; f++) {
      const h = (lists[f] as readonly ImportedHook[])[at[f] as number];
      if (!h) continue;
      const t = key(h) ?? -Infinity;
      if (t < bestTime) {
        best = f;
        bestTime = t;
      }
    }
    if (best < 0) return out;
    out.push((lists[best] as readonly ImportedHook[])[at[best] as number] as ImportedHook);
    at[best] = (at[best] as number) + 1;
  }
}
