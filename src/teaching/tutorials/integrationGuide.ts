/**
 * "The integration guide": the ops guide "How to add an integration to a charm",
 * handler by handler, on the catalog charms written from it (postgresql, webapp,
 * smtp-server), and the guide's relation-created snippet as printed
 * (guide-postgresql), which ops refuses.
 */
import type { Tutorial } from '../tutorial.ts';

const db = { relation: ['webapp', 'postgresql'] as const };
const smtp = { relation: ['webapp', 'smtp-server'] as const };

export const integrationGuide: Tutorial = {
  id: 'integration-guide',
  title: 'The integration guide',
  summary: 'The ops guide "How to add an integration", hook by hook: a database, a mail server, a peer relation, and a bug in the guide.',
  // At seed 34 the non-leader's relation-created runs before the leader's, and
  // webapp/1 gets an app-level relation-changed before any relation-joined.
  seed: 34,
  juju: '3.6',
  steps: [
    {
      title: 'Three charms from the guide',
      say: 'postgresql is the guide\'s database: it provides "database" and has a peer endpoint "replicas". webapp requires "db" (limit: 1) and "smtp". smtp-server provides "smtp". No juju integrate yet, but watch postgresql: it already has a relation.',
      run: ['juju deploy postgresql -n 2', 'juju deploy webapp -n 2', 'juju deploy smtp-server'],
      select: { relation: ['postgresql', 'postgresql'] },
      panel: 'swimlanes',
      stops: [
        {
          after: { unit: 'postgresql/1', hook: 'replicas-relation-created' },
          say: 'replicas-relation-created, right after install. The guide: relation-created runs "in the case of a peer relation, when a charm is first deployed". Juju made the peer relation at deploy, before start.',
          highlight: [{ kind: 'block', unit: 'postgresql/1', hook: 'replicas-relation-created' }, { kind: 'relation', apps: ['postgresql', 'postgresql'] }],
        },
        {
          after: { unit: 'postgresql/0', hook: 'leader-elected' },
          say: 'postgresql/0 is the leader (★). It writes primary=postgresql/0 into the peer relation\'s application bag. Only the leader may write an application bag.',
          highlight: [{ kind: 'bag-key', owner: 'postgresql', key: 'primary' }, { kind: 'unit', unit: 'postgresql/0' }],
        },
        {
          after: { unit: 'postgresql/1', hook: 'replicas-relation-changed' },
          say: 'postgresql/1 gets replicas-relation-changed: the application bag changed. Its handler reads primary and shows it in its status. This is the guide\'s peer example: observe replicas_relation_changed.',
          highlight: [{ kind: 'unit', unit: 'postgresql/1' }, { kind: 'block', unit: 'postgresql/1', hook: 'replicas-relation-changed' }],
        },
      ],
    },
    {
      title: 'relation-created: the leader makes the database',
      say: 'juju integrate webapp postgresql. The guide\'s first handler: on relation-created, if we are the leader, create the database and put the credentials in the relation. Non-leaders return at once.',
      run: ['juju integrate webapp postgresql'],
      select: db,
      panel: 'swimlanes',
      stops: [
        {
          after: { unit: 'postgresql/1', hook: 'database-relation-created' },
          say: 'database-relation-created on postgresql/1. It is not the leader, so the handler returns: nothing written.',
          highlight: [{ kind: 'unit', unit: 'postgresql/1' }, { kind: 'block', unit: 'postgresql/1', hook: 'database-relation-created' }],
        },
        {
          after: { unit: 'postgresql/0', hook: 'database-relation-created' },
          say: 'Now the leader, postgresql/0: it creates the database and writes credentials into its OWN application bag ("postgresql" in the Databags panel). Every webapp unit can read it.',
          highlight: [{ kind: 'bag-key', owner: 'postgresql', key: 'credentials' }, { kind: 'unit', unit: 'postgresql/0' }],
        },
        {
          after: { unit: 'webapp/1', hook: 'db-relation-changed' },
          say: 'webapp/1 runs db-relation-changed before any db-relation-joined: the application bag changed (no remote unit in the Hook inspector). It finds the credentials: "database ready". Created → joined → changed is not the whole story.',
          highlight: [{ kind: 'unit', unit: 'webapp/1' }, { kind: 'block', unit: 'webapp/1', hook: 'db-relation-changed' }],
        },
      ],
    },
    {
      title: 'Application data: leader only',
      say: 'Play, then read the Console. webapp/1 is not the leader, yet it reads postgresql\'s application bag: any unit reads the other side\'s. Its OWN bag, webapp\'s, it cannot even read (top of the Databags panel). The guide\'s handler reads data[self.model.app], that very bag: ops raises "webapp/1 is not leader and cannot read its own application databag". Read data[db_relation.app].',
      run: ['juju exec --unit webapp/1 -- is-leader', "juju run --unit webapp/1 'relation-get -r db:1 --app - postgresql'"],
      select: db,
      viewAs: 'webapp/1',
      highlight: [{ kind: 'console' }, { kind: 'bag-key', owner: 'postgresql', key: 'credentials' }],
    },
    {
      title: 'relation-joined: one mail user per unit',
      say: 'juju integrate webapp smtp-server. The guide\'s smtp handler runs on relation-joined, once for each webapp unit that joins, and hands that unit its own credentials.',
      run: ['juju integrate webapp smtp-server'],
      select: smtp,
      stops: [
        {
          after: { unit: 'smtp-server/0', hook: 'smtp-relation-joined' },
          say: 'smtp-server/0 joined webapp/0: it made a user and wrote webapp/0.smtp_credentials into its OWN unit bag. The guide writes event.relation.data[event.unit], the joining unit\'s bag; ops refuses that ("smtp-server/0 cannot write databag of webapp/0: not the same unit.").',
          highlight: [{ kind: 'bag-key', owner: 'smtp-server/0', key: 'webapp/0.smtp_credentials' }, { kind: 'unit', unit: 'smtp-server/0' }],
        },
        {
          after: { unit: 'webapp/0', hook: 'smtp-relation-changed' },
          say: 'webapp/0 reads smtp-server/0\'s bag in smtp-relation-changed, finds its key, and says "mail on".',
          highlight: [{ kind: 'unit', unit: 'webapp/0' }],
        },
      ],
    },
    {
      title: 'relation-departed, and the departing_unit check',
      say: 'juju remove-unit webapp/1. The guide\'s departed handler: if self.unit != event.departing_unit, remove the remote unit\'s mail user. Watch JUJU_DEPARTING_UNIT in the Hook inspector at each stop.',
      run: ['juju remove-unit webapp/1'],
      select: smtp,
      panel: 'swimlanes',
      stops: [
        {
          after: { unit: 'smtp-server/0', hook: 'smtp-relation-departed' },
          say: 'On smtp-server/0 the departing unit is webapp/1, not itself: it removes webapp/1\'s user, and webapp/1.smtp_credentials is gone from its bag.',
          highlight: [{ kind: 'block', unit: 'smtp-server/0', hook: 'smtp-relation-departed' }, { kind: 'unit', unit: 'smtp-server/0' }],
        },
        {
          after: { unit: 'webapp/1', hook: 'smtp-relation-departed' },
          say: 'webapp/1 runs departed too, for smtp-server/0, and here the departing unit is webapp/1: itself. That is the case the check is for: a unit that is leaving must not clean up after a remote unit that stays.',
          highlight: [{ kind: 'block', unit: 'webapp/1', hook: 'smtp-relation-departed' }, { kind: 'unit', unit: 'webapp/1' }],
        },
        {
          after: { unit: 'webapp/1', hook: 'remove' },
          say: 'webapp/1 ends with relation-broken for each of its relations, then stop, then remove.',
          highlight: [{ kind: 'block', unit: 'webapp/1', hook: 'db-relation-broken' }, { kind: 'block', unit: 'webapp/1', hook: 'remove' }],
        },
      ],
    },
    {
      title: 'relation-broken: drop the database',
      say: 'juju remove-relation webapp postgresql. Every unit on both sides runs departed, then relation-broken. The guide\'s broken handler: if we are the leader, drop the database.',
      run: ['juju remove-relation webapp postgresql'],
      panel: 'swimlanes',
      stops: [
        {
          after: { unit: 'postgresql/0', hook: 'database-relation-broken' },
          say: 'The leader, postgresql/0, drops the database ("dropped database webapp" in the Hook inspector\'s log).',
          highlight: [{ kind: 'block', unit: 'postgresql/0', hook: 'database-relation-broken' }],
        },
        {
          after: { unit: 'webapp/0', hook: 'db-relation-broken' },
          say: 'webapp/0 has no database any more: it is blocked again, "needs a database relation".',
          highlight: [{ kind: 'unit', unit: 'webapp/0' }, { kind: 'block', unit: 'webapp/0', hook: 'db-relation-broken' }],
        },
        {
          after: { unit: 'postgresql/1', hook: 'database-relation-broken' },
          say: 'postgresql/1 runs broken too, and does nothing: it is not the leader.',
          highlight: [{ kind: 'block', unit: 'postgresql/1', hook: 'database-relation-broken' }],
        },
      ],
    },
    {
      title: 'Spot the bug',
      say: 'guide-postgresql runs the guide\'s relation-created exactly as printed: event.relation.data[event.app].update(credentials). webapp can take it because its limit: 1 database is gone. Before you press Play: whose bag is event.app?',
      run: ['juju deploy guide-postgresql', 'juju integrate webapp guide-postgresql'],
      select: { relation: ['webapp', 'guide-postgresql'] },
      viewAs: 'guide-postgresql/0',
      stops: [
        {
          after: { unit: 'guide-postgresql/0', hook: 'database-relation-created' },
          say: 'event.app is the REMOTE application: webapp. ops refuses: "RelationDataAccessError: guide-postgresql cannot write the data of remote application webapp" (Hook inspector). The hook fails; the unit is in error. Juju retries it by itself after a back-off, and it fails again: a bug is not a glitch. The fix: event.relation.data[self.app], as postgresql did.',
          highlight: [{ kind: 'unit', unit: 'guide-postgresql/0' }, { kind: 'block', unit: 'guide-postgresql/0', hook: 'database-relation-created' }],
        },
        {
          after: { unit: 'webapp/0', hook: 'db-relation-changed' },
          say: 'webapp/0 joined guide-postgresql/0 anyway, and waits for credentials that will never come: the failed hook committed nothing. Scroll the Databags panel to webapp\'s application bag: guide-postgresql/0 may read it, never write it.',
          highlight: [{ kind: 'unit', unit: 'webapp/0' }],
        },
      ],
    },
  ],
};
