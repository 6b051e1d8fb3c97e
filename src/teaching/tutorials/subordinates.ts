/**
 * "Subordinates": telegraf on ubuntu through ubuntu's implicit juju-info endpoint
 * (container scope, one subordinate unit per principal unit, no hooks on the
 * principal side), removal cascading from the principal and from the relation, and
 * last, for contrast, a declared container endpoint that runs hooks on both sides.
 */
import type { Tutorial } from '../tutorial.ts';

const info = { relation: ['telegraf', 'ubuntu'] as const };

export const subordinates: Tutorial = {
  id: 'subordinates',
  title: 'Subordinates',
  summary: 'telegraf beside ubuntu: container scope, one subordinate per principal, the silent juju-info, and removal that cascades.',
  // At seed 1 webapp/0 joins rsyslog-forwarder/0 before rsyslog-forwarder/0 has started.
  seed: 1,
  juju: '3.6',
  steps: [
    {
      title: 'A principal and a subordinate',
      say: 'ubuntu is an ordinary charm: two units, each on its own machine. telegraf is a subordinate: it runs beside another charm\'s unit, on the same machine. Deployed alone it has no units at all.',
      run: ['juju deploy ubuntu -n 2', 'juju deploy telegraf'],
      highlight: [{ kind: 'app', app: 'telegraf' }, { kind: 'app', app: 'ubuntu' }],
    },
    {
      title: 'Relate them through juju-info',
      say: 'juju integrate telegraf ubuntu. telegraf requires juju-info with scope: container. ubuntu declares no such endpoint: every application has an implicit juju-info. Watch both swimlanes.',
      run: ['juju integrate telegraf ubuntu'],
      select: info,
      panel: 'swimlanes',
      stops: [
        {
          after: { unit: 'telegraf/0', hook: 'install' },
          say: 'The relation created telegraf/0 on ubuntu/0\'s machine, and telegraf/1 on ubuntu/1\'s: one subordinate unit per principal unit. The graph shows each beside its principal.',
          highlight: [{ kind: 'unit', unit: 'telegraf/0' }, { kind: 'unit', unit: 'telegraf/1' }],
        },
        {
          after: { unit: 'telegraf/0', hook: 'juju-info-relation-joined' },
          say: 'telegraf/0 joins ubuntu/0 and nobody else. That is container scope: a subordinate sees only the principal it sits beside.',
          highlight: [{ kind: 'block', unit: 'telegraf/0', hook: 'juju-info-relation-joined' }, { kind: 'unit', unit: 'ubuntu/0' }],
        },
        {
          after: { unit: 'telegraf/0', hook: 'juju-info-relation-changed' },
          say: 'Now look at the ubuntu lanes: nothing new since start. ubuntu ran no hook for this relation. juju-info is its implicit endpoint, and implicit relations run no hooks on the principal side.',
          highlight: [{ kind: 'app', app: 'ubuntu' }],
        },
      ],
    },
    {
      title: 'Each subordinate sees one principal',
      say: 'relation-list on each telegraf unit lists the remote units it knows in the relation. Both units are in the same relation, juju-info:0. Play, then read the Console.',
      run: ['juju exec --unit telegraf/0 -- relation-list -r juju-info:0', 'juju exec --unit telegraf/1 -- relation-list -r juju-info:0'],
      select: info,
      highlight: [{ kind: 'console' }, { kind: 'relation', apps: ['telegraf', 'ubuntu'] }],
    },
    {
      title: 'A new principal brings its own subordinate',
      say: 'juju add-unit ubuntu. Nobody asks for a telegraf unit.',
      run: ['juju add-unit ubuntu'],
      select: info,
      panel: 'swimlanes',
      stops: [
        {
          after: { unit: 'telegraf/2', hook: 'install' },
          say: 'ubuntu/2 installed and entered the relation, and Juju made telegraf/2 beside it. The number of telegraf units follows the number of ubuntu units.',
          highlight: [{ kind: 'unit', unit: 'telegraf/2' }, { kind: 'unit', unit: 'ubuntu/2' }],
        },
        {
          after: { unit: 'telegraf/2', hook: 'juju-info-relation-joined' },
          say: 'telegraf/2 joins its principal, ubuntu/2, after its own start. ubuntu/2 ran no relation hook at all.',
          highlight: [{ kind: 'block', unit: 'telegraf/2', hook: 'juju-info-relation-joined' }],
        },
      ],
    },
    {
      title: 'Remove a principal: its subordinate goes too',
      say: 'juju remove-unit ubuntu/0. Only ubuntu/0 is named. Watch telegraf/0.',
      run: ['juju remove-unit ubuntu/0'],
      select: info,
      panel: 'swimlanes',
      stops: [
        {
          after: { unit: 'telegraf/0', hook: 'juju-info-relation-broken' },
          say: 'telegraf/0 is leaving with its principal: relation-departed for ubuntu/0, then relation-broken. In the Hook inspector its departed names itself, JUJU_DEPARTING_UNIT=telegraf/0: a subordinate losing its principal is the unit that leaves. ubuntu/0 runs no juju-info hook, even while leaving: only stop and remove.',
          highlight: [{ kind: 'block', unit: 'telegraf/0', hook: 'juju-info-relation-broken' }, { kind: 'unit', unit: 'telegraf/0' }],
        },
        {
          after: { unit: 'telegraf/0', hook: 'remove' },
          say: 'telegraf/0 is removed: removing a principal unit removes its subordinate. Both were leaders, and each stays leader until it is dead: telegraf/1 is elected (★) after telegraf/0\'s remove, ubuntu/1 after ubuntu/0\'s.',
          highlight: [{ kind: 'block', unit: 'telegraf/0', hook: 'remove' }, { kind: 'unit', unit: 'ubuntu/1' }, { kind: 'unit', unit: 'telegraf/1' }],
        },
      ],
    },
    {
      title: 'Remove the relation: the subordinates leave',
      say: 'juju remove-relation telegraf ubuntu. Both ubuntu units stay. What happens to telegraf?',
      run: ['juju remove-relation telegraf ubuntu'],
      panel: 'swimlanes',
      stops: [
        {
          after: { unit: 'telegraf/1', hook: 'juju-info-relation-broken' },
          say: 'telegraf/1 runs departed and broken: its only container relation is gone, so it became dying at once, and its departed names itself as the departing unit (Hook inspector)…',
          highlight: [{ kind: 'block', unit: 'telegraf/1', hook: 'juju-info-relation-broken' }],
        },
        {
          after: { unit: 'telegraf/2', hook: 'remove' },
          say: '…and a subordinate with no container relation left removes itself. telegraf is still deployed, with no units, as at the start.',
          highlight: [{ kind: 'app', app: 'telegraf' }, { kind: 'block', unit: 'telegraf/2', hook: 'remove' }],
        },
      ],
    },
    {
      title: 'A container relation with hooks on both sides',
      say: 'One last contrast. juju-info is silent on the principal side because it is implicit. webapp declares its own endpoint, log-forwarder, with scope: container, as in the ops guide. Relate it to rsyslog-forwarder and watch webapp/0.',
      run: ['juju deploy webapp', 'juju deploy rsyslog-forwarder', 'juju integrate webapp rsyslog-forwarder'],
      select: { relation: ['webapp', 'rsyslog-forwarder'] },
      panel: 'swimlanes',
      stops: [
        {
          after: { unit: 'webapp/0', hook: 'log-forwarder-relation-created' },
          say: 'This time the principal runs relation hooks: log-forwarder-relation-created on webapp/0. A declared endpoint gets hooks, even with container scope.',
          highlight: [{ kind: 'block', unit: 'webapp/0', hook: 'log-forwarder-relation-created' }, { kind: 'unit', unit: 'webapp/0' }],
        },
        {
          after: { unit: 'webapp/0', hook: 'log-forwarder-relation-joined' },
          say: 'webapp/0 joins rsyslog-forwarder/0, which has not even started yet: the subordinate entered the relation right after its install.',
          highlight: [{ kind: 'block', unit: 'webapp/0', hook: 'log-forwarder-relation-joined' }, { kind: 'unit', unit: 'rsyslog-forwarder/0' }],
        },
      ],
    },
  ],
};
