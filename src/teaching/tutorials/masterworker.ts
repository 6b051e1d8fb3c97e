/**
 * "Master and workers": the relations tutorial from the course material
 * (github.com/erik78se/masterworker), played in relviz, with its teaching points
 * and the places where the tutorial itself is wrong.
 */
import type { Tutorial } from '../tutorial.ts';

const mw = { relation: ['master', 'worker'] as const };

export const masterworker: Tutorial = {
  id: 'masterworker',
  title: 'Master and workers',
  summary: 'The relations tutorial: a master hands each worker its own key through the relation, then workers leave.',
  seed: 2,
  juju: '3.6',
  steps: [
    {
      title: 'Deploy a master and two workers',
      say: 'Two applications, not related yet. Press Play: every unit runs install, config-changed and start, and the first unit of each application is elected leader (★). No relation hook can run: there is no relation.',
      run: ['juju deploy master', 'juju deploy worker -n 2'],
      highlight: [{ kind: 'app', app: 'master' }, { kind: 'app', app: 'worker' }],
    },
    {
      title: 'Relate them',
      say: 'juju relate master worker. Every unit enters the relation at once. Each unit runs relation-created first, then joined and changed for each remote unit; but one unit may join another before that one has run its own relation-created. Try "Predict the next hook" before pressing Step forward.',
      run: ['juju relate master worker'],
      select: mw,
      quiz: true,
      stops: [
        {
          after: { unit: 'master/0', hook: 'master-application-relation-joined' },
          say: 'master-application-relation-joined on master/0, for worker/0: the master made a key and wrote it into its OWN unit bag as worker/0-worker-key (Databags panel). A unit writes only its own bag; the workers read it.',
          highlight: [{ kind: 'bag-key', owner: 'master/0', key: 'worker/0-worker-key' }, { kind: 'unit', unit: 'master/0' }],
        },
        {
          after: { unit: 'worker/1', hook: 'master-relation-changed' },
          say: 'The "waiting" race: worker/1 ran master-relation-changed before the master had joined it and written worker/1-worker-key. No key yet, so it says "worker-key not available for this unit." and waits.',
          highlight: [{ kind: 'unit', unit: 'worker/1' }, { kind: 'block', unit: 'worker/1', hook: 'master-relation-changed' }],
        },
        {
          after: { unit: 'master/0', hook: 'master-application-relation-joined', nth: 2 },
          say: 'Now the master joins worker/1 and writes worker/1-worker-key. That write changes the master\'s bag, so every worker gets another master-relation-changed…',
          highlight: [{ kind: 'bag-key', owner: 'master/0', key: 'worker/1-worker-key' }],
        },
        {
          after: { unit: 'worker/1', hook: 'master-relation-changed', nth: 2 },
          say: '…and this time worker/1 finds its key, writes WORKERKEY.file and goes active. Code that waits in relation-changed for data that is not there yet is correct: a later changed comes.',
          highlight: [{ kind: 'unit', unit: 'worker/1' }],
        },
      ],
    },
    {
      title: 'Look inside with hook tools',
      say: 'The tutorial inspects the relation with juju run: relation-ids on the master, then everything worker/0 can read from master/0 (-: all keys), and what master/0 can read from worker/0 (only the addresses Juju sets: workers never write). Play, and read the Console.',
      run: [
        'juju run --unit master/0 "relation-ids master-application"',
        "juju run --unit worker/0 'relation-get -r master:0 - master/0'",
        "juju run --unit master/0 'relation-get -r master-application:0 - worker/0'",
      ],
      select: mw,
      highlight: [{ kind: 'console' }],
    },
    {
      title: 'Broadcast a message',
      say: 'The broadcast-message action writes message=… into the master\'s unit bag from outside any relation hook. Any change to a bag Juju delivers as relation-changed on the other side: watch both workers.',
      run: ['juju run-action master/0 broadcast-message message="Hello there"'],
      select: mw,
      stops: [
        {
          after: { unit: 'master/0', hook: 'broadcast-message' },
          say: 'The action ran on master/0: message=Hello there is now in its unit bag.',
          highlight: [{ kind: 'bag-key', owner: 'master/0', key: 'message' }],
        },
      ],
    },
    {
      title: 'Remove worker/1',
      say: 'juju remove-unit worker/1. Play it and watch worker/1\'s swimlane.',
      run: ['juju remove-unit worker/1'],
      select: mw,
      panel: 'swimlanes',
      stops: [
        {
          after: { unit: 'master/0', hook: 'master-application-relation-departed' },
          say: 'relation-departed on the master for worker/1: it deletes worker/1-worker-key from its bag (gone from the Databags panel).',
          highlight: [{ kind: 'unit', unit: 'master/0' }, { kind: 'block', unit: 'master/0', hook: 'master-application-relation-departed' }],
        },
        {
          after: { unit: 'worker/1', hook: 'master-relation-departed' },
          say: 'The departing unit runs relation-departed too, for the master (JUJU_DEPARTING_UNIT=worker/1 in the Hook inspector). Many tables of "what runs on remove-unit" leave this out.',
          highlight: [{ kind: 'block', unit: 'worker/1', hook: 'master-relation-departed' }],
        },
        {
          after: { unit: 'worker/1', hook: 'remove' },
          say: 'Then, on worker/1 only: relation-broken (which deletes WORKERKEY.file), stop, remove. Broken comes before stop, whatever some docs say.',
          highlight: [{ kind: 'block', unit: 'worker/1', hook: 'master-relation-broken' }, { kind: 'block', unit: 'worker/1', hook: 'remove' }],
        },
      ],
    },
    {
      title: 'A stale status',
      say: 'Look at master/0: it still says "Related Workers: 2", with one worker left. The master computes that status in relation-changed, and a departure runs relation-departed, not changed. Status set only in changed goes stale.',
      highlight: [{ kind: 'unit', unit: 'master/0' }],
    },
    {
      title: 'Does broken wait for the last worker?',
      say: 'The tutorial says the master\'s relation-broken "is not run until there are no more workers". Remove the last worker and see.',
      run: ['juju remove-unit worker/0'],
      select: mw,
      panel: 'swimlanes',
      stops: [
        {
          after: { unit: 'worker/0', hook: 'remove' },
          say: 'No workers left, and the master ran only relation-departed: no relation-broken. Broken is about the relation (or this unit) going away, not about the last remote unit leaving. The relation is still there, waiting for workers.',
          highlight: [{ kind: 'relation', apps: ['master', 'worker'] }, { kind: 'unit', unit: 'master/0' }],
        },
      ],
    },
    {
      title: 'A new worker joins the same relation',
      say: 'juju add-unit worker: the new worker/2 installs, then joins the relation that is still there (same id, master-application:0), and the master gives it a key.',
      run: ['juju add-unit worker'],
      select: mw,
      stops: [
        {
          after: { unit: 'master/0', hook: 'master-application-relation-joined' },
          say: 'Same relation, id 0: the master joined worker/2 and wrote worker/2-worker-key.',
          highlight: [{ kind: 'bag-key', owner: 'master/0', key: 'worker/2-worker-key' }],
        },
      ],
    },
    {
      title: 'Remove the relation',
      say: 'juju remove-relation master worker: now the relation itself goes. Both sides run departed, then relation-broken — the master\'s broken at last.',
      run: ['juju remove-relation master worker'],
      panel: 'swimlanes',
      stops: [
        {
          after: { unit: 'master/0', hook: 'master-application-relation-broken' },
          say: 'master-application-relation-broken on master/0: the relation is gone from its point of view.',
          highlight: [{ kind: 'block', unit: 'master/0', hook: 'master-application-relation-broken' }],
        },
      ],
    },
    {
      title: 'Relate again: a new id',
      say: 'Relating again makes a new relation with a new id: master-application:1, not 0. Scripts that hard-code relation ids break here. Play, then read relation-ids in the Console.',
      run: ['juju relate master worker', 'juju run --unit master/0 \'relation-ids master-application\''],
      select: mw,
      highlight: [{ kind: 'relation', apps: ['master', 'worker'] }, { kind: 'console' }],
    },
  ],
};
