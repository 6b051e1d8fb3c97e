/** The built-in charm catalog: `juju deploy <name>` finds these by name. */
import type { Charm } from '../charm.ts';
import { telegraf, ubuntu } from './basic.ts';
import { guidePostgresql } from './guideSnippet.ts';
import { master, worker } from './masterworker.ts';
import { postgresql, rsyslogForwarder, smtpServer, webapp } from './opsGuide.ts';

export const CATALOG: ReadonlyMap<string, Charm> = new Map(
  [master, worker, ubuntu, telegraf, postgresql, webapp, smtpServer, rsyslogForwarder, guidePostgresql].map((c) => [c.meta.name, c]),
);
