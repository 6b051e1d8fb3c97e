/**
 * "Departed or broken?": one model taken down four ways, side by side, then two of
 * them played for real. The point (JUJU-SEMANTICS §5): relation-departed says a remote
 * unit left; relation-broken says the relation is gone for this unit — which the last
 * remote unit leaving does not do (the masterworker tutorial's claim, §13.5).
 */
import type { Tutorial } from '../tutorial.ts';

const mw = { relation: ['master', 'worker'] as const };

export const departedOrBroken: Tutorial = {
  id: 'departed-or-broken',
  title: 'Departed or broken?',
  summary: 'One master and two workers taken down four ways, side by side: which hooks mean "a unit left" and which "the relation is gone".',
  seed: 2,
  juju: '3.6',
  steps: [
    {
      title: 'A master and two workers, related',
      say: 'The model we will take down: master/0 related to worker/0 and worker/1. Press Play to build it: install and start on every unit, then created, joined and changed on both sides of the relation.',
      run: ['juju deploy master', 'juju deploy worker -n 2', 'juju relate master worker'],
      select: mw,
      highlight: [{ kind: 'relation', apps: ['master', 'worker'] }],
    },
    {
      title: 'Four ways to take it down',
      say: 'Below, in place of the swimlanes: what each of four commands would run from this very model, a column per command, a row per unit. Departed is amber, broken has a red outline, stop and remove are dark. Read along the master/0 row: when does the master get relation-broken?',
      compare: [
        {
          title: 'Remove one worker',
          run: ['juju remove-unit worker/1'],
          say: 'Departed on both ends; broken, stop, remove on worker/1 only.',
        },
        {
          title: 'Remove the relation',
          run: ['juju remove-relation master worker'],
          say: 'Every unit: departed per remote unit, then broken. No stop.',
        },
        {
          title: 'Remove the application',
          run: ['juju remove-application worker'],
          say: 'Workers end as in remove-unit; the master gets broken too.',
        },
        {
          title: 'Scale the workers to zero',
          run: ['juju remove-unit worker/0 worker/1'],
          say: 'Workers end, but the master runs departed only. No broken.',
        },
      ],
    },
    {
      title: 'Play it: remove the relation',
      say: 'juju remove-relation master worker, for real. Watch the Swimlanes: on every unit, a departed for each unit on the other side, then one broken.',
      run: ['juju remove-relation master worker'],
      select: mw,
      panel: 'swimlanes',
      stops: [
        {
          after: { unit: 'master/0', hook: 'master-application-relation-departed' },
          say: 'The master ran relation-departed for worker/0 (JUJU_REMOTE_UNIT=worker/0 in the Hook inspector). It deletes worker/0-worker-key from its bag. Its relation-broken has to wait: worker/1 has not departed yet.',
          highlight: [{ kind: 'block', unit: 'master/0', hook: 'master-application-relation-departed' }],
        },
        {
          after: { unit: 'worker/1', hook: 'master-relation-broken' },
          say: 'worker/1 ran departed for the master, then relation-broken: the relation is gone for it, although worker/1 itself stays (no stop, no remove).',
          highlight: [{ kind: 'block', unit: 'worker/1', hook: 'master-relation-broken' }, { kind: 'unit', unit: 'worker/1' }],
        },
        {
          after: { unit: 'master/0', hook: 'master-application-relation-broken' },
          say: 'The master\'s relation-broken comes last on its lane, after departed for every worker it knew. Every unit is still running; only the relation has ended.',
          highlight: [{ kind: 'block', unit: 'master/0', hook: 'master-application-relation-broken' }],
        },
      ],
    },
    {
      title: 'Relate again, then scale the workers to zero',
      say: 'Relate them again (a new relation, id 1), then juju remove-unit worker/0 worker/1: every worker goes, but the relation is not removed. Play through the new joins to the removal.',
      run: ['juju relate master worker', 'juju remove-unit worker/0 worker/1'],
      select: mw,
      panel: 'swimlanes',
      stops: [
        {
          after: { unit: 'master/0', hook: 'master-application-relation-departed', nth: 2 },
          say: 'The master has run relation-departed for both workers. No workers left on the other side…',
          highlight: [{ kind: 'block', unit: 'master/0', hook: 'master-application-relation-departed' }],
        },
        {
          after: { unit: 'worker/0', hook: 'remove' },
          say: '…and no relation-broken on the master. Each worker ran broken because it was dying; the master is not, and the relation between master and worker is still there (on the graph), waiting for new workers.',
          highlight: [{ kind: 'relation', apps: ['master', 'worker'] }, { kind: 'unit', unit: 'master/0' }],
        },
      ],
    },
    {
      title: 'Now remove the empty relation',
      say: 'juju remove-relation master worker, with no worker left: what can the master still run?',
      run: ['juju remove-relation master worker'],
      panel: 'swimlanes',
      stops: [
        {
          after: { unit: 'master/0', hook: 'master-application-relation-broken' },
          say: 'relation-broken alone, with no departed before it: there was nobody left to depart. Broken answers "is the relation gone?", not "are the units gone?".',
          highlight: [{ kind: 'block', unit: 'master/0', hook: 'master-application-relation-broken' }],
        },
      ],
    },
    {
      title: 'The rule',
      say: 'relation-departed: a remote unit left — once per unit that leaves, on every unit that had joined it, and on the leaving unit for each unit it knew. relation-broken: the relation is gone for this unit — it was removed, or this unit or its application is going away. Clean up per-unit things in departed, the whole relation in broken.',
      highlight: [{ kind: 'app', app: 'master' }],
    },
  ],
};
