/**
 * "Peers and leadership": the peer relation Juju makes at deploy, a new unit met by
 * its peers before its start, the leader's own peer app-bag write, and two leader
 * removals whose hooks come in opposite orders (LP#1964582). Juju 3.6's
 * leader-settings-changed, and what 4.0 drops.
 */
import type { Tutorial } from '../tutorial.ts';

const peers = { relation: ['postgresql', 'postgresql'] as const };

export const peersLeadership: Tutorial = {
  id: 'peers-leadership',
  title: 'Peers and leadership',
  summary: 'A peer relation from deploy, joins before start, the leader hearing its own write, and removing the leader twice.',
  // At seed 1 the first new leader is elected before it runs departed for the old
  // one, and the second after: both orders, with the same commands.
  seed: 1,
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
          say: 'The other units run leader-settings-changed. That is Juju 3.6; Juju 4.0 never runs it (the last step comes back to this).',
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
      say: 'juju add-unit postgresql. Watch the new postgresql/3 lane and the others.',
      run: ['juju add-unit postgresql'],
      select: peers,
      panel: 'swimlanes',
      quiz: true,
      stops: [
        {
          after: { unit: 'postgresql/1', hook: 'replicas-relation-joined' },
          say: 'postgresql/1 runs replicas-relation-joined for postgresql/3, and postgresql/3 has run only install and relation-created. It entered the relation right after install, so its peers see it join before it has started.',
          highlight: [{ kind: 'block', unit: 'postgresql/1', hook: 'replicas-relation-joined' }, { kind: 'block', unit: 'postgresql/3', hook: 'replicas-relation-created' }, { kind: 'unit', unit: 'postgresql/3' }],
        },
        {
          after: { unit: 'postgresql/3', hook: 'start' },
          say: 'Only now does postgresql/3 start. Code in relation-joined must not assume the other unit\'s workload is up.',
          highlight: [{ kind: 'block', unit: 'postgresql/3', hook: 'start' }],
        },
        {
          after: { unit: 'postgresql/3', hook: 'replicas-relation-joined' },
          say: 'postgresql/3\'s OWN joins come after its start. A unit never runs relation-joined before its own start.',
          highlight: [{ kind: 'block', unit: 'postgresql/3', hook: 'replicas-relation-joined' }],
        },
      ],
    },
    {
      title: 'Remove the leader',
      say: 'juju remove-unit postgresql/0, the leader. Who leads next, and when does it hear about it?',
      run: ['juju remove-unit postgresql/0'],
      select: peers,
      panel: 'swimlanes',
      stops: [
        {
          after: { unit: 'postgresql/0', hook: 'remove' },
          say: 'postgresql/0 ran departed for each peer, then stop and remove. No leadership hook (a dying leader just resigns) and no relation-broken: peer relations never get one.',
          highlight: [{ kind: 'block', unit: 'postgresql/0', hook: 'replicas-relation-departed' }, { kind: 'block', unit: 'postgresql/0', hook: 'remove' }],
        },
        {
          after: { unit: 'postgresql/1', hook: 'leader-elected' },
          say: 'postgresql/1 is the new leader (★) and writes primary=postgresql/1. postgresql/0 has left the relation (Databags: left scope), but look at postgresql/1\'s lane: its departed for postgresql/0 is still to come. Its charm has not been told yet.',
          highlight: [{ kind: 'bag-key', owner: 'postgresql', key: 'primary' }, { kind: 'block', unit: 'postgresql/1', hook: 'leader-elected' }, { kind: 'unit', unit: 'postgresql/1' }],
        },
        {
          after: { unit: 'postgresql/1', hook: 'replicas-relation-departed' },
          say: 'Only now does postgresql/1 run departed for postgresql/0: after it became leader.',
          highlight: [{ kind: 'block', unit: 'postgresql/1', hook: 'replicas-relation-departed' }],
        },
      ],
    },
    {
      title: 'Remove the new leader: the other order',
      say: 'juju remove-unit postgresql/1. Same kind of removal. Does postgresql/2 become leader before or after it hears that postgresql/1 left?',
      run: ['juju remove-unit postgresql/1'],
      select: peers,
      panel: 'swimlanes',
      quiz: true,
      stops: [
        {
          after: { unit: 'postgresql/2', hook: 'replicas-relation-departed' },
          say: 'This time postgresql/2 runs departed for postgresql/1 first…',
          highlight: [{ kind: 'block', unit: 'postgresql/2', hook: 'replicas-relation-departed' }, { kind: 'unit', unit: 'postgresql/2' }],
        },
        {
          after: { unit: 'postgresql/2', hook: 'leader-elected' },
          say: '…and is elected after. Juju promises no order between leader-elected and the departed hooks (LP#1964582). Write leader-elected so it works both ways.',
          highlight: [{ kind: 'block', unit: 'postgresql/2', hook: 'leader-elected' }, { kind: 'bag-key', owner: 'postgresql', key: 'primary' }],
        },
      ],
    },
    {
      title: 'Juju 3.6 and 4.0: leader-settings-changed',
      say: 'Scroll back through the swimlanes: every leader-settings-changed block (postgresql/3\'s is outlined) is Juju 3.6. Non-leaders get one at startup and after each election. Juju 4.0 never runs it. Switch Juju to 4.0 in the header: the same commands replay without it, and other hooks may interleave differently. This charm does not need it: every unit gets replicas-relation-changed when the leader writes primary.',
      select: peers,
      panel: 'swimlanes',
      highlight: [{ kind: 'block', unit: 'postgresql/3', hook: 'leader-settings-changed' }, { kind: 'bag-key', owner: 'postgresql', key: 'primary' }],
    },
  ],
};
