/** The tutorials shipped with relviz, in menu order. */
import type { Tutorial } from '../tutorial.ts';
import { departedOrBroken } from './departed-or-broken.ts';
import { integrationGuide } from './integrationGuide.ts';
import { masterworker } from './masterworker.ts';
import { peersLeadership } from './peersLeadership.ts';
import { subordinates } from './subordinates.ts';

export const TUTORIALS: readonly Tutorial[] = [masterworker, integrationGuide, departedOrBroken, peersLeadership, subordinates];

export function tutorialById(id: string): Tutorial | undefined {
  return TUTORIALS.find((t) => t.id === id);
}
