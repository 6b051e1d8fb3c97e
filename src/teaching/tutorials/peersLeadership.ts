/**
 * "Peers and leadership": the peer relation Juju makes at deploy, a new unit met by
 * its peers before it has even run relation-created, the leader's own peer app-bag
 * write, and two leader removals: the dying leader leads through its whole teardown,
 * the next one is elected only after it is dead, and leader-elected and the departed
 * hooks still come in either order (LP#1964582). Juju 3.6's leader-settings-changed.
 */
import type { Tutorial } from '../tutorial.ts';

const peers = { relation: ['postgresql', 'postgresql'] as const };

export const peersLeadership: Tutorial = {
  id: 'peers-leadership',
  title: 'Peers and leadership',
  summary: 'A peer relation from deploy, joins before start, the leader hearing its own write, and a leader that leads until it is dead, removed twice.',
  // SEED: chosen so that postgresql/1 joins postgresql/3 before postgresql/3's
  // relation-created, the first new leader departs the old one before it is
  // elected, and the second the other way round.
  seed: 194,
  juju: '3.6',
  steps: [
    {
      title: 'Three units, one peer relation',
      say: 'postgresql declares a peer endpoint, replicas. Juju creates the peer relation when the application is deployed: no juju integrate. Press Play and watch the swimlanes.',
      run: ['juju deploy postgresql -n 3'],
      select: peers,
      panel: 'swimlanes',
      stops: [
        {
          after: { unit: 'postgresql/2', hook: 'replicas-relation-created' },
          say: 'replicas-relation-created, straight after install: before leader-elected, config-changed and start. A unit is in its peer relation before it has started.',
          highlight: [{ kind: 'block', unit: 'postgresql/2', hook: 'replicas-relation-created' }, { kind: 'relation', apps: ['postgresql', 'postgresql'] }],
        },
        {
          after: { unit: 'postgresql/0', hook: 'leader-elected' },
          say: 'postgresql/0 is elected leader (★). In leader-elected it writes primary=postgresql/0 into the peer application bag. Only the leader may write that bag.',
          highlight: [{ kind: 'bag-key', owner: 'postgresql', key: 'primary' }, { kind: 'unit', unit: 'postgresql/0' }],
        },
        {
          after: { unit: 'postgresql/1', hook: 'leader-settings-changed' },
          say: 'The other units run leader-settings-changed, once, at their startup. That is Juju 3.6; Juju 4.0 never runs it (the last step comes back to this).',
          highlight: [{ kind: 'block', unit: 'postgresql/1', hook: 'leader-settings-changed' }],
        },
        {
          after: { unit: 'postgresql/0', hook: 'replicas-relation-changed' },
          say: 'The leader gets replicas-relation-changed for its OWN write to the peer application bag (no remote unit in the Hook inspector). Old docs said it would not; it does (juju#20178). Every unit got one.',
          highlight: [{ kind: 'block', unit: 'postgresql/0', hook: 'replicas-relation-changed' }, { kind: 'unit', unit: 'postgresql/0' }],
        },
      ],
    },
    {
      title: 'What a non-leader may do',
      say: 'postgresql/1 is not the leader. In a peer relation it may still READ the application bag; only the leader writes it. The Databags panel now shows the relation as postgresql/1 sees it. Play, then read the Console.',
      run: ['juju exec --unit postgresql/1 -- is-leader', "juju run --unit postgresql/1 'relation-get -r replicas:0 --app - postgresql'"],
      select: peers,
      viewAs: 'postgresql/1',
      highlight: [{ kind: 'console' }, { kind: 'bag-key', owner: 'postgresql', key: 'primary' }],
    },
    {
      title: 'A new unit: met before it starts',
      say: 'juju add-unit postgresql. Watch the new postgresql/3 lane and the others. Try "Predict the next hook" right after postgresql/3\'s install: more than one answer is right.',
      run: ['juju add-unit postgresql'],
      select: peers,
      panel: 'swimlanes',
      quiz: true,
      stops: [
        {
          after: { unit: 'postgresql/1', hook: 'replicas-relation-joined' },
          say: 'postgresql/1 runs replicas-relation-joined for postgresql/3, and postgresql/3 has run only install: not even its own replicas-relation-created. Right after install a unit enters the scope of every relation at once; its relation-created hooks come after, one by one. So its peers may see it join first.',
          highlight: [{ kind: 'block', unit: 'postgresql/1', hook: 'replicas-relation-joined' }, { kind: 'block', unit: 'postgresql/3', hook: 'install' }, { kind: 'unit', unit: 'postgresql/3' }],
        },
        {
          after: { unit: 'postgresql/3', hook: 'start' },
          say: 'Only now does postgresql/3 start. Code in relation-joined must not assume the other unit\'s workload is up, nor that it has run relation-created.',
          highlight: [{ kind: 'block', unit: 'postgresql/3', hook: 'start' }, { kind: 'block', unit: 'postgresql/3', hook: 'replicas-relation-created' }],
        },
        {
          after: { unit: 'postgresql/3', hook: 'replicas-relation-joined' },
          say: 'postgresql/3\'s OWN joins come after its start. A unit never runs relation-joined before its own start.',
          highlight: [{ kind: 'block', unit: 'postgresql/3', hook: 'replicas-relation-joined' }],
        },
      ],
    },
    {
      title: 'Remove the leader: it leads to the end',
      say: 'juju remove-unit postgresql/0, the leader. The script first lets postgresql/0 run its departed hooks, then asks it is-leader (Console), then lets everything else run. Who leads while postgresql/0 tears down?',
      run: ['juju remove-unit postgresql/0 &', 'step --unit postgresql/0 3', 'juju exec --unit postgresql/0 -- is-leader'],
      select: peers,
      panel: 'swimlanes',
      stops: [
        {
          after: { unit: 'postgresql/0', hook: 'replicas-relation-departed', nth: 3 },
          say: 'postgresql/0 is dying and has run relation-departed for each of its three peers. The ★ is still on it: a dying leader keeps leadership. Juju answers is-leader from the leadership lease, and revokes the lease only when the unit is dead.',
          highlight: [{ kind: 'unit', unit: 'postgresql/0' }, { kind: 'block', unit: 'postgresql/0', hook: 'replicas-relation-departed' }],
        },
        {
          after: { unit: 'postgresql/0', hook: 'stop' },
          say: 'The Console shows is-leader answered True after those departed hooks. In its stop and remove it is still leader, so it could still read and write its application databag: the ops guide\'s "drop the database if leader" in relation-broken works for exactly this reason.',
          highlight: [{ kind: 'console' }, { kind: 'block', unit: 'postgresql/0', hook: 'stop' }],
        },
        {
          after: { unit: 'postgresql/0', hook: 'remove' },
          say: 'remove: the last hook. postgresql/0 is dead now, and only now does its lease go. It ran no leadership hook, and no relation-broken either: peer relations never get one.',
          highlight: [{ kind: 'block', unit: 'postgresql/0', hook: 'remove' }],
        },
        {
          after: { unit: 'postgresql/1', hook: 'leader-elected' },
          say: 'postgresql/1 is elected (★) and writes primary=postgresql/1. Its departed for postgresql/0 came earlier, queued the moment postgresql/0 began dying. postgresql/2 and postgresql/3 run no leadership hook at all: leadership moving is not a leader-settings change, so even Juju 3.6 runs no leader-settings-changed here.',
          highlight: [{ kind: 'bag-key', owner: 'postgresql', key: 'primary' }, { kind: 'block', unit: 'postgresql/1', hook: 'leader-elected' }, { kind: 'block', unit: 'postgresql/1', hook: 'replicas-relation-departed' }],
        },
      ],
    },
    {
      title: 'Remove the new leader: the other order',
      say: 'juju remove-unit postgresql/1. Again postgresql/2 hears at once that postgresql/1 is leaving, but is elected only once postgresql/1 is dead. Which comes first on postgresql/2: its departed, or its leader-elected?',
      run: ['juju remove-unit postgresql/1'],
      select: peers,
      panel: 'swimlanes',
      quiz: true,
      stops: [
        {
          after: { unit: 'postgresql/1', hook: 'remove' },
          say: 'postgresql/1 finished its whole teardown, as leader to the end, before postgresql/2 got round to its departed hook…',
          highlight: [{ kind: 'block', unit: 'postgresql/1', hook: 'remove' }, { kind: 'unit', unit: 'postgresql/2' }],
        },
        {
          after: { unit: 'postgresql/2', hook: 'leader-elected' },
          say: '…so now postgresql/2 has both waiting: departed for postgresql/1 and leader-elected. Leadership comes first in a unit\'s priorities, so it is elected before it departs postgresql/1. Juju promises no order between the two (LP#1964582): write leader-elected so it works both ways.',
          highlight: [{ kind: 'block', unit: 'postgresql/2', hook: 'leader-elected' }, { kind: 'bag-key', owner: 'postgresql', key: 'primary' }],
        },
        {
          after: { unit: 'postgresql/2', hook: 'replicas-relation-departed' },
          say: 'And then its departed for postgresql/1.',
          highlight: [{ kind: 'block', unit: 'postgresql/2', hook: 'replicas-relation-departed' }],
        },
      ],
    },
    {
      title: 'Juju 3.6 and 4.0: leader-settings-changed',
      say: 'Scroll back through the swimlanes: each follower ran leader-settings-changed exactly once, at its startup (postgresql/3\'s is outlined), and never when a leader went: Juju 3.6 runs it after a leader-set, not because leadership moved. Juju 4.0 never runs it. Switch Juju to 4.0 in the header: the same commands replay without it, and other hooks may interleave differently. This charm does not need it: every unit gets replicas-relation-changed when the leader writes primary.',
      select: peers,
      panel: 'swimlanes',
      highlight: [{ kind: 'block', unit: 'postgresql/3', hook: 'leader-settings-changed' }, { kind: 'bag-key', owner: 'postgresql', key: 'primary' }],
    },
  ],
};
