/**
 * The tutorials as the menu and links know them — id, title, summary, number of steps
 * — without their steps, which load on demand (registry.ts). Kept equal to index.ts's
 * TUTORIALS by test/teaching/tutorials.test.ts.
 */
export interface TutorialEntry {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly steps: number;
}

export const TUTORIAL_LIST: readonly TutorialEntry[] = [
  { id: 'masterworker', title: 'Master and workers', summary: 'The relations tutorial: a master hands each worker its own key through the relation, then workers leave.', steps: 10 },
  { id: 'integration-guide', title: 'The integration guide', summary: 'The ops guide "How to add an integration", hook by hook: a database, a mail server, a peer relation, and a bug in the guide.', steps: 7 },
  { id: 'departed-or-broken', title: 'Departed or broken?', summary: 'One master and two workers taken down four ways, side by side: which hooks mean "a unit left" and which "the relation is gone".', steps: 6 },
  { id: 'peers-leadership', title: 'Peers and leadership', summary: 'A peer relation from deploy, joins before start, the leader hearing its own write, and a leader that leads until it is dead, removed twice.', steps: 6 },
  { id: 'subordinates', title: 'Subordinates', summary: 'telegraf beside ubuntu: container scope, one subordinate per principal, the silent juju-info, and removal that cascades.', steps: 7 },
];

export function tutorialEntry(id: string): TutorialEntry | undefined {
  return TUTORIAL_LIST.find((t) => t.id === id);
}
