/**
 * The Deploy dialog's charm search (pure): every catalog charm — the teaching charms,
 * then the real charms' endpoints by name — filtered by what the user typed.
 */
import { ALL_CHARMS } from '../../engine/catalog/all.ts';
import type { CharmMeta, SourceFile } from '../../engine/charm.ts';

export interface CharmChoice {
  /** What `juju deploy` takes: `ch:postgresql` where a teaching charm has the name. */
  readonly name: string;
  readonly meta: CharmMeta;
  /** A real charm's endpoints, from this file at this commit; it has no behaviour. */
  readonly source: SourceFile | null;
}

const byName = (a: CharmChoice, b: CharmChoice) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export const CHARM_CHOICES: readonly CharmChoice[] = [
  ...ALL_CHARMS.filter((c) => !c.charm.real).map((c) => ({ name: c.name, meta: c.charm.meta, source: null })),
  ...ALL_CHARMS.filter((c) => c.charm.real)
    .map((c) => ({ name: c.name, meta: c.charm.meta, source: c.charm.real?.source ?? null }))
    .sort(byName),
];

/**
 * The charms matching `query` (case-insensitive, every word must match): those whose
 * name matches first, then those matching by summary, endpoint or interface
 * (`postgresql` also finds data-integrator, which requires postgresql_client).
 */
export function searchCharms(query: string, choices: readonly CharmChoice[] = CHARM_CHOICES): CharmChoice[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...choices];
  const haystack = (c: CharmChoice) => [c.name, c.meta.summary, ...c.meta.endpoints.flatMap((e) => [e.name, e.interface])].join(' ').toLowerCase();
  const matches = choices.filter((c) => words.every((w) => haystack(c).includes(w)));
  const inName = (c: CharmChoice) => words.every((w) => c.name.toLowerCase().includes(w));
  return [...matches.filter(inName), ...matches.filter((c) => !inName(c))];
}

/** The source file on GitHub, at its commit. */
export function sourceUrl(s: SourceFile): string {
  return `https://${s.repo}/blob/${s.commit}/${s.path}`;
}
