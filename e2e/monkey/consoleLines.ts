/**
 * Console lines for the monkey, valid and invalid: the app's command language (the
 * README's script language) over the names on screen, plus garbage, very long lines,
 * unicode and HTML/script payloads. Unit counts stay small: the hostile sizes are
 * targeted cases of their own (monkey.spec.ts), not something to stumble on.
 */
import { CATALOG } from '../../src/engine/catalog/index.ts';
import type { Prng } from './prng.ts';

/** What is on the graph when the line is drawn (read from the page). */
export interface OnScreen {
  readonly apps: readonly string[];
  readonly units: readonly string[];
  /** `app:endpoint`, from the endpoint handles. */
  readonly endpoints: readonly string[];
}

const CHARMS = [...CATALOG.keys()];
const HOOKS = ['install', 'start', 'config-changed', 'leader-elected', 'leader-settings-changed', 'stop', 'remove', 'update-status'];
const RELATION_HOOKS = ['relation-created', 'relation-joined', 'relation-changed', 'relation-departed', 'relation-broken'];
const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=alert(1)>',
  "'; DROP TABLE units; --",
  '${7*7} {{7*7}} %s %n',
  '../../etc/passwd',
  'javascript:alert(1)',
  '\u202eevil\u202c',
  '🐒🍌 ünïcödé ½ ∑ 中文 עברית',
  '\u0000\u0007\u001b[31mred',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e308',
  '0x7fffffff',
];

function or<T>(rng: Prng, names: readonly T[], fallback: T): T {
  return names.length > 0 && rng.chance(0.85) ? rng.pick(names) : fallback;
}

function garbageWord(rng: Prng): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789-_/:=.\'"`$&|;<>(){}[]\\ \t漢字é🐒';
  const chars = [...alphabet];
  let s = '';
  for (let i = rng.int(1, 14); i > 0; i--) s += rng.pick(chars);
  return s;
}

/** A number of units: mostly 0–3, sometimes odd values the parser must refuse. */
function count(rng: Prng): string {
  return rng.chance(0.85) ? String(rng.int(0, 3)) : rng.pick(['-1', '0', '1.5', 'two', '', '1e1', '08']);
}

function relationKey(rng: Prng): string {
  return rng.pick(['greeting', 'worker-key', 'x', 'ünï', 'a.b', 'k' + rng.int(0, 99)]);
}

function relationValue(rng: Prng): string {
  return rng.chance(0.7) ? rng.pick(['hello', '42', 'true', "'quoted value'", '""']) : `'${rng.pick(PAYLOADS).replace(/'/g, '')}'`;
}

/** A hook tool line for `juju exec` (sometimes one the tool refuses). */
function hookTool(rng: Prng, on: OnScreen): string {
  const ep = or(rng, on.endpoints, 'master:master').split(':')[1] ?? 'master';
  const id = `${ep}:${rng.int(0, 3)}`;
  switch (rng.int(0, 8)) {
    case 0:
      return `relation-ids ${ep}`;
    case 1:
      return `relation-list -r ${id}`;
    case 2:
      return `relation-get -r ${id} - ${or(rng, on.units, 'master/0')}`;
    case 3:
      return `relation-set -r ${id} ${relationKey(rng)}=${relationValue(rng)}`;
    case 4:
      return `relation-set --app -r ${id} ${relationKey(rng)}=${relationValue(rng)}`;
    case 5:
      return rng.pick(['is-leader', 'is-leader --format=json', 'unit-get private-address']);
    case 6:
      return `status-set ${rng.pick(['active', 'blocked', 'waiting', 'maintenance', 'bogus'])} ${rng.pick(PAYLOADS)}`;
    case 7:
      return `juju-log ${rng.pick(PAYLOADS)} && relation-ids ${ep}`;
    default:
      return rng.pick(['rm -rf /', 'relation-set', 'relation-get -r nowhere:9', 'action-get', '']);
  }
}

/** A line in the app's language, over what is on screen (valid more often than not). */
function command(rng: Prng, on: OnScreen): string {
  const app = () => or(rng, on.apps, 'worker');
  const unit = () => or(rng, on.units, 'worker/0');
  const endpoint = () => (rng.chance(0.5) ? app() : or(rng, on.endpoints, 'master:master'));
  const bg = () => (rng.chance(0.15) ? ' &' : '');
  switch (rng.weighted({ deploy: 4, addUnit: 4, removeUnit: 4, relate: 5, removeRelation: 3, removeApp: 2, run: 3, exec: 5, fail: 3, resolve: 2, status: 3, step: 4, wait: 2, config: 1 })) {
    case 'deploy': {
      const charm = rng.chance(0.9) ? rng.pick(CHARMS) : rng.pick(['nosuchcharm', './local', 'cs:ubuntu', 'UBUNTU']);
      const name = rng.chance(0.3) ? ` ${rng.pick(['db', 'web', 'worker', 'my-app', 'Bad_Name', charm])}` : '';
      return `juju deploy ${charm}${name}${rng.chance(0.4) ? ` -n ${count(rng)}` : ''}${bg()}`;
    }
    case 'addUnit':
      return `juju add-unit ${app()}${rng.chance(0.5) ? ` -n ${count(rng)}` : ''}${bg()}`;
    case 'removeUnit':
      return `juju remove-unit ${unit()}${rng.chance(0.2) ? ` ${unit()}` : ''}${bg()}`;
    case 'relate':
      return `juju ${rng.pick(['relate', 'integrate', 'add-relation'])} ${endpoint()} ${endpoint()}${bg()}`;
    case 'removeRelation':
      return `juju remove-relation ${endpoint()} ${endpoint()}${bg()}`;
    case 'removeApp':
      return `juju remove-application ${app()}${bg()}`;
    case 'run':
      return rng.chance(0.5)
        ? `juju run ${unit()} ${rng.pick(['broadcast-message', 'nope'])} message=${relationValue(rng)}`
        : `juju run-action ${unit()} broadcast-message message="${rng.pick(PAYLOADS).replace(/"/g, '')}"`;
    case 'exec':
      return rng.chance(0.7) ? `juju exec --unit ${unit()} -- ${hookTool(rng, on)}` : `juju run --unit ${unit()} '${hookTool(rng, on).replace(/'/g, '')}'`;
    case 'fail': {
      const hook = rng.chance(0.5) ? rng.pick(HOOKS) : `${(or(rng, on.endpoints, 'master:master').split(':')[1] ?? 'x')}-${rng.pick(RELATION_HOOKS)}`;
      return `fail ${unit()} ${hook}${rng.pick(['', '', ' --times 2', ' --always', ' --times 0', ' --times x'])}`;
    }
    case 'resolve':
      return `juju ${rng.pick(['resolve', 'resolved', 'resolve --no-retry'])} ${unit()}`;
    case 'status':
      return rng.pick(['juju status', 'juju status --relations', `juju show-unit ${unit()}`, 'juju model-config']);
    case 'step':
      return rng.pick(['step', `step ${rng.int(1, 20)}`, `step --unit ${unit()}`, `step --unit ${unit()} --pick ${rng.int(0, 3)}`, 'step -5', 'step 0']);
    case 'wait':
      return 'wait';
    case 'config':
      return `juju model-config automatically-retry-hooks=${rng.pick(['true', 'false', 'maybe'])}`;
  }
}

/** A line nobody should type: garbage, huge, unicode, markup. */
function hostile(rng: Prng, on: OnScreen): string {
  switch (rng.int(0, 6)) {
    case 0:
      return Array.from({ length: rng.int(1, 6) }, () => garbageWord(rng)).join(' ');
    case 1:
      // A very long line: a valid command padded, or one word repeated.
      return rng.chance(0.5) ? `juju status ${'x'.repeat(rng.int(1_000, 20_000))}` : `juju deploy ${'a'.repeat(rng.int(100, 5_000))}`;
    case 2:
      return `juju ${rng.pick(['deploy', 'add-unit', 'exec --unit', 'relate'])} ${rng.pick(PAYLOADS)}`;
    case 3:
      return rng.pick(PAYLOADS);
    case 4:
      return rng.pick(['', '   ', '#comment only', 'juju', 'juju --help', 'sudo juju status', 'juju frobnicate', 'exit', 'clear', '&', ';;', '\\']);
    case 5:
      return `juju exec --unit ${or(rng, on.units, 'master/0')} -- relation-set ${relationKey(rng)}=${'🐒'.repeat(rng.int(1, 500))}`;
    default:
      return `${command(rng, on)} ${garbageWord(rng)}`;
  }
}

/** A console line: two in three from the command grammar, the rest hostile. */
export function consoleLine(rng: Prng, on: OnScreen): string {
  return rng.chance(0.67) ? command(rng, on) : hostile(rng, on);
}
