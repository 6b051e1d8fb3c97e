/**
 * The built-in charms: the teaching charms (with behaviour) and real charms' endpoints
 * (no behaviour, real/, known once the readers are loaded: realSeam.ts). `juju deploy
 * <name>` finds them with `findCharm`; every charm for a list is in all.ts.
 */
import { type Charm } from '../behaviour.ts';
import { telegraf, ubuntu } from './basic.ts';
import { guidePostgresql } from './guideSnippet.ts';
import { master, worker } from './masterworker.ts';
import { postgresql, rsyslogForwarder, smtpServer, webapp } from './opsGuide.ts';
import { realCharms } from './realSeam.ts';

/** The teaching charms, with behaviour. */
export const CATALOG: ReadonlyMap<string, Charm> = new Map(
  [master, worker, ubuntu, telegraf, postgresql, webapp, smtpServer, rsyslogForwarder, guidePostgresql].map((c) => [c.meta.name, c]),
);

/** Names a real charm always answers to: `ch:postgresql` (Juju's own Charmhub prefix). */
export const REAL_PREFIX = 'ch:';

/**
 * The charm `juju deploy <name>` deploys: `ch:<name>` is always the real charm; a plain
 * name is the teaching charm of that name if there is one (tutorials say `juju deploy
 * postgresql` and mean the ops guide's), else the real charm.
 */
export function findCharm(name: string): Charm | undefined {
  if (name.startsWith(REAL_PREFIX)) return realCharms()?.get(name.slice(REAL_PREFIX.length));
  return CATALOG.get(name) ?? realCharms()?.get(name);
}

/** The name `findCharm` knows a catalog charm by: plain, unless a teaching charm has it. */
export function catalogName(charm: Charm): string {
  const name = charm.meta.name;
  return charm.real && CATALOG.has(name) ? `${REAL_PREFIX}${name}` : name;
}

/**
 * The catalog charm for a charm a bundle names (`charmRef` has stripped `ch:`, owner
 * and revision): a bundle names Charmhub charms, so the real charm comes first; the
 * teaching catalog serves the rest (the masterworker bundle's `master`, `worker`).
 * `name` is what to deploy it as (`ch:postgresql` where a teaching charm has the name).
 */
export function bundleCatalogCharm(name: string): { readonly name: string; readonly charm: Charm } | undefined {
  const charm = realCharms()?.get(name) ?? CATALOG.get(name);
  return charm && { name: catalogName(charm), charm };
}
