/**
 * The seam to the real charms' facts (real/facts.ts, ~20 KB of endpoints): they come
 * with the readers (readersImpl.ts installs them), not in the page's first load. Until
 * then only the teaching charms are known by name, and deploying a real one is refused
 * with the readers' "still loading" (commands.ts), which the console waits out.
 */
import type { Charm } from '../behaviour.ts';

let real: ReadonlyMap<string, Charm> | null = null;

export function provideRealCharms(charms: ReadonlyMap<string, Charm>): void {
  real = charms;
}

/** The real charms by Charmhub name, or null while they are not loaded. */
export function realCharms(): ReadonlyMap<string, Charm> | null {
  return real;
}
