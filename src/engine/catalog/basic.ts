/** A plain principal (ubuntu) and a subordinate on the implicit juju-info endpoint (telegraf). */
import { endpoint } from '../charm.ts';
import { type Charm } from '../behaviour.ts';

export const ubuntu: Charm = {
  meta: { name: 'ubuntu', summary: 'A pristine Ubuntu machine.', subordinate: false, endpoints: [], actions: [] },
  behaviour: {
    hooks: { start: (ctx) => ctx.statusSet('active', '') },
    actions: {},
  },
};

export const telegraf: Charm = {
  meta: {
    name: 'telegraf',
    summary: 'A metrics agent that runs beside any principal, related through juju-info.',
    subordinate: true,
    endpoints: [endpoint('juju-info', 'requires', 'juju-info', { scope: 'container' })],
    actions: [],
  },
  behaviour: {
    hooks: {
      install: (ctx) => ctx.statusSet('maintenance', 'installing telegraf'),
      start: (ctx) => ctx.statusSet('waiting', 'waiting for a principal'),
      'juju-info-relation-changed': (ctx) => {
        const principal = ctx.env['JUJU_REMOTE_UNIT'];
        if (principal) ctx.statusSet('active', `monitoring ${principal}`);
      },
      'juju-info-relation-broken': (ctx) => ctx.statusSet('maintenance', 'principal gone'),
    },
    actions: {},
  },
};
