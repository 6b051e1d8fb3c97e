/**
 * Every charm the catalog offers, for lists (the Deploy dialog, console completion):
 * the teaching charms and the real charms' facts. Kept out of catalog/index.ts, so the
 * page's first load does not carry the real charms' facts.
 */
import type { Charm } from '../behaviour.ts';
import { CATALOG, catalogName } from './index.ts';
import { REAL_CHARMS } from './real/index.ts';

export { REAL_CHARMS };

/** Every charm the catalog offers, teaching charms first, each with the name to deploy it by. */
export const ALL_CHARMS: ReadonlyArray<{ readonly name: string; readonly charm: Charm }> = [...CATALOG.values(), ...REAL_CHARMS.values()].map((charm) => ({
  name: catalogName(charm),
  charm,
}));
