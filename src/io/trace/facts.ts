/**
 * What a real history's hook says about itself, as label/value rows — the same in the
 * swimlanes' tooltips, the hook log and the inspector of the app's history viewer.
 * A field the input cannot tell reads "unknown"; one it says is absent reads "none".
 */
import { isRelationKind, type ImportedHook } from './record.ts';

export interface Fact {
  readonly label: string;
  readonly value: string;
  /** The input does not say (shown dimmed, never guessed). */
  readonly unknown: boolean;
}

export const UNKNOWN = 'unknown';

const said = (label: string, v: string | null | undefined): Fact => ({ label, value: v === undefined ? UNKNOWN : v === null ? 'none' : v, unknown: v === undefined });

/** The hook's relation as the unit names it (`db:3`), with what the input lacks as `?`. */
export function relationName(h: ImportedHook): string | undefined {
  if (!isRelationKind(h.kind)) return undefined;
  if (h.endpoint === undefined && h.relationId === undefined) return undefined;
  return `${h.endpoint ?? '?'}:${h.relationId ?? '?'}`;
}

/** The hook's environment and origin, in the order the inspector lists them. */
export function hookFacts(h: ImportedHook): Fact[] {
  const facts: Fact[] = [said('unit', h.unit), said('hook', h.hook)];
  if (isRelationKind(h.kind)) {
    facts.push(said('relation', relationName(h)), said('remote unit', h.remoteUnit), said('remote app', h.remoteApp));
    if (h.kind === 'relation-departed') facts.push(said('departing unit', h.departingUnit));
  }
  facts.push(
    { label: 'outcome', value: h.outcome === 'ran' ? 'ran' : h.outcome === 'failed' ? 'failed (Juju retries it)' : 'skipped (no hook script: Juju moved on)', unknown: false },
    said('time', h.timeText || undefined),
    { label: 'from', value: [h.source, ...h.also].map((s) => `${s.file}:${s.line}`).join(', '), unknown: false },
  );
  return facts;
}
