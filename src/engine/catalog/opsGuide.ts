/**
 * The charms of the ops guide "How to add an integration to a charm"
 * (JUJU-SEMANTICS §12), written the way the guide *means* them (the guide's own
 * snippets write the remote application's bag, which ops refuses):
 *
 * - `postgresql`: a database provider. Its leader creates credentials in
 *   `database-relation-created` and publishes them in its own application bag; it
 *   drops the database in `relation-broken` (leader only). A peer endpoint
 *   `replicas` (interface charm_gossip) carries the primary's name in the peer app bag.
 * - `webapp`: requires `db` (postgresql, limit 1), `smtp`, and a container-scoped
 *   `log-forwarder`; one holistic handler computes its status from all of them.
 * - `smtp-server`: provides `smtp`; creates a user per requirer unit in
 *   `smtp-relation-joined` (its own unit bag, key `<unit>.smtp_credentials`) and
 *   removes it in `relation-departed` unless it is itself the departing unit.
 * - `rsyslog-forwarder`: a subordinate providing `syslog` (rsyslog-forwarder, container scope);
 *   its relation-departed takes the guide's "I am leaving" branch when it is itself the
 *   departing unit.
 */
import { endpoint } from '../charm.ts';
import { type Charm, type Handler } from '../behaviour.ts';
import type { HookContext } from '../context.ts';

function secretId(ctx: HookContext): string {
  let id = '';
  for (let i = 0; i < 12; i++) id += 'abcdefghijklmnopqrstuv0123456789'[Math.floor(ctx.random() * 32)];
  return `secret:${id}`;
}

const peerPrimary = (ctx: HookContext): string => {
  const peer = ctx.relationIds('replicas')[0];
  return peer ? ctx.relationGetValue('primary', { relation: peer, app: true, target: ctx.unit.app }) : '';
};

const updatePostgresStatus: Handler = (ctx) => {
  const primary = peerPrimary(ctx);
  ctx.statusSet('active', primary ? `primary: ${primary}` : '');
};

export const postgresql: Charm = {
  meta: {
    name: 'postgresql',
    summary: 'A database provider, as in the ops integration guide.',
    subordinate: false,
    endpoints: [endpoint('database', 'provides', 'postgresql'), endpoint('replicas', 'peers', 'charm_gossip')],
    actions: [],
  },
  behaviour: {
    hooks: {
      start: updatePostgresStatus,
      'leader-elected': (ctx) => {
        const peer = ctx.relationIds('replicas')[0];
        if (peer) ctx.relationSet({ relation: peer, app: true, settings: { primary: ctx.unit.name } });
      },
      'replicas-relation-changed': updatePostgresStatus,
      'replicas-relation-departed': (ctx) => ctx.jujuLog(`replica ${ctx.env['JUJU_REMOTE_UNIT']} left`),
      'database-relation-created': (ctx) => {
        if (!ctx.isLeader()) return;
        const remoteApp = ctx.env['JUJU_REMOTE_APP'] ?? '';
        ctx.jujuLog(`created database ${remoteApp}`);
        ctx.relationSet({ app: true, settings: { credentials: secretId(ctx), database: remoteApp } });
      },
      'database-relation-broken': (ctx) => {
        // The guide: drop the database, leader only. A dying leader is still leader here
        // (§5), and reads which database from its own application bag (juju#20924).
        if (!ctx.isLeader()) return;
        const database = ctx.relationGetValue('database', { app: true, target: ctx.unit.app }) || (ctx.env['JUJU_REMOTE_APP'] ?? '');
        ctx.jujuLog(`dropped database ${database}`);
      },
    },
    actions: {},
  },
};

/** The guide's holistic handler: status from whatever the relations hold right now. */
const updateWebapp: Handler = (ctx) => {
  const db = ctx.relationIds('db')[0];
  if (!db) {
    ctx.statusSet('blocked', 'needs a database relation');
    return;
  }
  const credentials = ctx.relationGetValue('credentials', { relation: db, app: true });
  if (!credentials) {
    ctx.statusSet('waiting', 'waiting for database credentials');
    return;
  }
  const smtp = ctx.relationIds('smtp')[0];
  let mail = '';
  if (smtp) {
    for (const provider of ctx.relationList(smtp)) {
      if (ctx.relationGetValue(`${ctx.unit.name}.smtp_credentials`, { relation: smtp, target: provider })) mail = ', mail on';
    }
  }
  ctx.statusSet('active', `database ready${mail}`);
};

export const webapp: Charm = {
  meta: {
    name: 'webapp',
    summary: 'A web application that requires a database, as in the ops integration guide.',
    subordinate: false,
    endpoints: [
      endpoint('db', 'requires', 'postgresql', { limit: 1 }),
      endpoint('smtp', 'requires', 'smtp'),
      endpoint('log-forwarder', 'requires', 'rsyslog-forwarder', { scope: 'container' }),
    ],
    actions: [],
  },
  behaviour: {
    hooks: {
      'config-changed': updateWebapp,
      start: updateWebapp,
      'db-relation-changed': updateWebapp,
      'smtp-relation-changed': updateWebapp,
      'db-relation-broken': (ctx) => ctx.statusSet('blocked', 'needs a database relation'),
    },
    actions: {},
  },
};

export const smtpServer: Charm = {
  meta: {
    name: 'smtp-server',
    summary: 'An smtp provider with per-unit credentials, as in the ops integration guide.',
    subordinate: false,
    endpoints: [endpoint('smtp', 'provides', 'smtp')],
    actions: [],
  },
  behaviour: {
    hooks: {
      start: (ctx) => ctx.statusSet('active', ''),
      'smtp-relation-joined': (ctx) => {
        const remote = ctx.env['JUJU_REMOTE_UNIT'] ?? '';
        ctx.jujuLog(`created smtp user for ${remote}`);
        ctx.relationSet({ settings: { [`${remote}.smtp_credentials`]: secretId(ctx) } });
      },
      'smtp-relation-departed': (ctx) => {
        // The guide: `if self.unit != event.departing_unit: self.remove_smtp_user(event.unit.name)`.
        if (ctx.env['JUJU_DEPARTING_UNIT'] === ctx.unit.name) return;
        const remote = ctx.env['JUJU_REMOTE_UNIT'] ?? '';
        ctx.jujuLog(`removed smtp user for ${remote}`);
        ctx.relationSet({ settings: { [`${remote}.smtp_credentials`]: '' } });
      },
    },
    actions: {},
  },
};

export const rsyslogForwarder: Charm = {
  meta: {
    name: 'rsyslog-forwarder',
    summary: 'A subordinate log forwarder (container scope), as in the ops integration guide.',
    subordinate: true,
    endpoints: [endpoint('syslog', 'provides', 'rsyslog-forwarder', { scope: 'container' })],
    actions: [],
  },
  behaviour: {
    hooks: {
      'syslog-relation-joined': (ctx) => ctx.statusSet('active', `forwarding logs of ${ctx.env['JUJU_REMOTE_UNIT']}`),
      // The ops idiom `if self.unit == event.departing_unit`: a subordinate losing its
      // principal is itself the departing unit (§7).
      'syslog-relation-departed': (ctx) => {
        if (ctx.env['JUJU_DEPARTING_UNIT'] === ctx.unit.name) {
          ctx.jujuLog('I am leaving: stop forwarding');
          ctx.statusSet('maintenance', 'stopping log forwarding');
        } else ctx.jujuLog(`${ctx.env['JUJU_REMOTE_UNIT']} left: forget its logs`);
      },
    },
    actions: {},
  },
};
