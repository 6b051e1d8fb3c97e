/**
 * The masterworker tutorial charms (github.com/erik78se/masterworker, JUJU-SEMANTICS
 * §12), hook for hook: script hooks using charmhelpers, where every hook-tool error
 * fails the hook. Status messages and keys are the tutorial's own.
 */
import { endpoint } from '../charm.ts';
import { type Charm } from '../behaviour.ts';
import type { HookContext } from '../context.ts';
import { HookToolError } from '../errors.ts';

const HEX = '0123456789ABCDEF';

function generateWorkerKey(ctx: HookContext): string {
  let key = '';
  for (let i = 0; i < 4; i++) key += HEX[Math.floor(ctx.random() * 16)];
  return key;
}

const log = (ctx: HookContext, msg: string) => ctx.jujuLog(msg);

/**
 * charmhelpers' `relation_get(attribute, unit)`: the value, or '' (None) when relation-get
 * exits 2 — a usage error, such as "no unit id specified" in an app-level relation-changed,
 * where JUJU_REMOTE_UNIT is empty. Any other failure fails the hook.
 */
function relationGet(ctx: HookContext, key: string, unit?: string): string {
  try {
    return ctx.relationGetValue(key, unit === undefined ? {} : { target: unit });
  } catch (e) {
    if (e instanceof HookToolError && e.exitCode === 2) return '';
    throw e;
  }
}

/** Python's IndexError, as the tutorial's action raises it: the hook fails with the same last line as the Python charm's traceback. */
class IndexError extends Error {
  override name = 'IndexError';
}

export const master: Charm = {
  meta: {
    name: 'master',
    summary: 'The master charm educate charmers in juju relations.',
    subordinate: false,
    endpoints: [endpoint('master-application', 'provides', 'exchange', { limit: 1 })],
    actions: [{ name: 'broadcast-message', description: 'The message to broadcast via relations.', params: ['message'] }],
  },
  behaviour: {
    hooks: {
      install: (ctx) => log(ctx, ' ========= hook: install  ========'),
      'config-changed': (ctx) => log(ctx, ' ========= hook: config-changed  ========'),
      start: (ctx) => {
        log(ctx, '=========== hook: start ===========');
        ctx.statusSet('active', 'ready');
      },
      'master-application-relation-created': (ctx) => log(ctx, ' ========= hook: master-application-relation-created  ========'),
      'master-application-relation-joined': (ctx) => {
        log(ctx, ' ========= hook: master-application-relation-joined  ========');
        const workerKey = generateWorkerKey(ctx);
        const remoteUnitName = ctx.env['JUJU_REMOTE_UNIT'] ?? '';
        const workerAddr = relationGet(ctx, 'private-address', remoteUnitName);
        log(ctx, `Joined with WORKER at private-address: ${workerAddr}`);
        ctx.relationSet({ settings: { [`${remoteUnitName}-worker-key`]: workerKey } });
      },
      'master-application-relation-changed': (ctx) => {
        log(ctx, ' ========= hook: master-application-relation-changed  ========');
        const relIds = ctx.relationIds('master-application');
        const units = ctx.relationList(relIds[0]);
        ctx.statusSet('active', `Related Workers: ${units.length}`);
      },
      'master-application-relation-departed': (ctx) => {
        log(ctx, ' ========= hook: master-application-relation-departed  ========');
        const remoteUnitName = ctx.env['JUJU_REMOTE_UNIT'] ?? '';
        // charmhelpers turns None into "key=" on the command line: the key is deleted.
        ctx.relationSet({ settings: { [`${remoteUnitName}-worker-key`]: '' } });
      },
      'master-application-relation-broken': (ctx) => log(ctx, ' ========= hook: master-application-relation-broken  ========'),
      stop: (ctx) => log(ctx, '=========== hook: stop ==========='),
    },
    actions: {
      'broadcast-message': (ctx) => {
        log(ctx, ' ========= action: broadcase-message  ========');
        // "Assume that the first relation_id is the only and use that." (IndexError if none.)
        const relationId = ctx.relationIds('master-application')[0];
        if (relationId === undefined) throw new IndexError('list index out of range');
        const message = ctx.actionGet('message');
        ctx.relationSet({ relation: relationId, settings: { message } });
      },
    },
  },
};

export const worker: Charm = {
  meta: {
    name: 'worker',
    summary: 'The worker charm is meant to educate charmers in juju relations.',
    subordinate: false,
    endpoints: [endpoint('master', 'requires', 'exchange')],
    actions: [],
  },
  behaviour: {
    hooks: {
      install: (ctx) => log(ctx, '=========== hook: install ==========='),
      start: (ctx) => {
        log(ctx, '=========== hook: start ===========');
        ctx.statusSet('active', 'ready');
      },
      'master-relation-created': (ctx) => log(ctx, ' ========= hook: master-relation-created  ========'),
      'master-relation-joined': (ctx) => {
        log(ctx, ' ========= hook: master-relation-joined  ========');
        const masterAddr = relationGet(ctx, 'private-address', ctx.env['JUJU_REMOTE_UNIT'] ?? '');
        log(ctx, `Joined with MASTER at private-address: ${masterAddr}`);
      },
      'master-relation-changed': (ctx) => {
        log(ctx, ' ========= hook: master-relation-changed  ========');
        const me = ctx.env['JUJU_UNIT_NAME'] ?? '';
        const workerKey = relationGet(ctx, `${me}-worker-key`);
        if (workerKey) {
          ctx.writeFile('WORKERKEY.file', workerKey);
          ctx.statusSet('active', `WorkerKey: ${workerKey}`);
        } else {
          ctx.statusSet('waiting', 'worker-key not available for this unit.');
        }
        if (relationGet(ctx, 'message')) {
          const masterMessage = relationGet(ctx, 'message', ctx.env['JUJU_REMOTE_UNIT'] ?? '');
          log(ctx, `MASTER message: ${masterMessage}`);
        }
      },
      'master-relation-departed': (ctx) => log(ctx, ' ========= hook: master-relation-departed  ========'),
      'master-relation-broken': (ctx) => {
        log(ctx, ' ========= hook: master-relation-broken  ========');
        // os.remove("WORKERKEY.file"): FileNotFoundError if no key was ever received.
        ctx.removeFile('WORKERKEY.file');
      },
      stop: (ctx) => log(ctx, '=========== hook: stop ==========='),
    },
    actions: {},
  },
};
