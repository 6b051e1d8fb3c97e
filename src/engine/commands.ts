/**
 * The commands a user (script, console, UI) can give: a closed union, applied to
 * the state by `applyCommand`. Model changes take effect at once on the controller
 * side; the hooks they cause run afterwards, one step at a time (sim.ts).
 */
import { findCharm } from './catalog/index.ts';
import { realCharms } from './catalog/realSeam.ts';
import type { CharmMeta } from './charm.ts';
import { HookContext, MODEL_NAME } from './context.ts';
import { JujuError, assertNever } from './errors.ts';
import { formatStatus, formatTable } from './format.ts';
import { runToolLine } from './hooktools.ts';
import { checkIntegrate, findRelation, formatRef, integrate } from './integrate.ts';
import { checkAddUnitLimits, commandLimitError } from './limits.ts';
import type { Application, SimState } from './model.ts';
import { charmCode, type CharmCode } from './python.ts';
import { readers } from './readers.ts';
import { candidates, settleReadiness } from './resolver.ts';
import { advance, cancelRetry, clearFailure, scheduleRetry } from './runner.ts';
import type { TraceRecord, TraceSink } from './trace.ts';
import { type Tx } from './tx.ts';
import { addApplication, addUnit, destroyUnit, killRelation, maybeRemoveApp, synchronizeScopes } from './world.ts';

import type { CharmSource, Command, CommandResult } from './command.ts';
export type { CharmSource, Command, CommandResult, CommandType } from './command.ts';

const OK: CommandResult = { exitCode: 0, stdout: '', stderr: '' };

function quoteArg(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The command as a user would type it. */
export function formatCommand(cmd: Command): string {
  switch (cmd.type) {
    case 'deploy': {
      const charm = cmd.charm.kind === 'catalog' ? cmd.charm.name : cmd.charm.path;
      return ['juju deploy', charm, cmd.app ?? '', cmd.units !== null ? `-n ${cmd.units}` : ''].filter(Boolean).join(' ');
    }
    case 'deploy-bundle':
      return ['juju deploy', cmd.path, ...cmd.overlays.map((o) => `--overlay ${o}`)].join(' ');
    case 'load-status':
      return ['load-status', cmd.path, ...cmd.showUnits.map((o) => `--show-unit ${o}`)].join(' ');
    case 'add-unit':
      return `juju add-unit ${cmd.app}${cmd.units !== 1 ? ` -n ${cmd.units}` : ''}`;
    case 'remove-unit':
      return `juju remove-unit ${cmd.units.join(' ')}`;
    case 'integrate':
      return `juju integrate ${formatRef(cmd.a)} ${formatRef(cmd.b)}`;
    case 'remove-relation':
      return `juju remove-relation ${formatRef(cmd.a)} ${formatRef(cmd.b)}`;
    case 'remove-application':
      return `juju remove-application ${cmd.app}`;
    case 'run-action': {
      const params = cmd.params.map(([k, v]) => ` ${k}=${quoteArg(v)}`).join('');
      return `juju ${cmd.syntax === '2.9' ? 'run-action' : 'run'} ${cmd.unit} ${cmd.action}${params}`;
    }
    case 'exec':
      return cmd.syntax === '2.9' ? `juju run --unit ${cmd.unit} ${quoteArg(cmd.commandLine)}` : `juju exec --unit ${cmd.unit} -- ${cmd.commandLine}`;
    case 'set-code':
      return `set-code ${cmd.app} ${cmd.path}`;
    case 'fail':
      return `fail ${cmd.unit} ${cmd.hook}${cmd.times === 'always' ? ' --always' : cmd.times !== undefined && cmd.times !== 1 ? ` --times ${cmd.times}` : ''}`;
    case 'model-config':
      return ['juju model-config', cmd.get ?? '', ...cmd.settings.map(([k, v]) => `${k}=${quoteArg(v)}`)].filter(Boolean).join(' ');
    case 'resolve':
      return `juju resolve ${cmd.noRetry ? '--no-retry ' : ''}${cmd.unit}`;
    case 'status':
      return `juju status${cmd.relations ? ' --relations' : ''}`;
    case 'show-unit':
      return `juju show-unit ${cmd.unit}`;
    case 'export-bundle':
      return 'juju export-bundle';
    case 'step':
      return cmd.unit ? `step --unit ${cmd.unit}${cmd.pick !== null ? ` --pick ${cmd.pick}` : ''}` : cmd.count === 1 ? 'step' : `step ${cmd.count}`;
    case 'wait':
      return 'wait';
    default:
      return assertNever(cmd);
  }
}

function unitOrThrow(state: SimState, name: string) {
  const unit = state.units.get(name);
  if (!unit) throw new JujuError(`unit "${name}" not found`);
  return unit;
}

function appOrThrow(state: SimState, name: string): Application {
  const app = state.apps.get(name);
  if (!app) throw new JujuError(`application "${name}" not found`);
  return app;
}

function resolveCharm(source: CharmSource): { meta: CharmMeta; charmName: string; catalog: boolean; real: boolean; code?: CharmCode } {
  if (source.kind === 'catalog') {
    const charm = findCharm(source.name);
    // Not a teaching charm: the real ones come with the readers (catalog/realSeam.ts).
    if (!charm && realCharms() === null) readers();
    if (!charm) throw new JujuError(`cannot resolve charm or bundle "${source.name}": charm or bundle not found`);
    return { meta: charm.meta, charmName: source.name, catalog: true, real: charm.real !== undefined };
  }
  if (source.error !== undefined) throw new JujuError(`cannot deploy ${source.path}: ${source.error}`);
  const meta = readers().charmFromFiles(source.path, source.files);
  const code = charmCode(source.files);
  return { meta, charmName: source.path, catalog: false, real: false, ...(code ? { code } : {}) };
}

/** `set-code`: the application's hooks run new code from now on; its endpoints and actions must stay as they are. */
function setCode(state: SimState, cmd: Extract<Command, { type: 'set-code' }>): CommandResult {
  const app = appOrThrow(state, cmd.app);
  if (!app.code) throw new JujuError(`application "${app.name}" does not run code of its own (it was not deployed from a charm folder with src/charm.py, hooks/ or dispatch)`);
  const code = charmCode(cmd.files);
  if (!code) throw new JujuError(`${cmd.path} has no charm code: expected src/charm.py, hooks/<hook> or dispatch`);
  if (Object.keys(cmd.files).some((f) => f === 'metadata.yaml' || f === 'charmcraft.yaml' || f === 'actions.yaml')) {
    const meta = readers().charmFromFiles(cmd.path, cmd.files);
    const shape = (m: CharmMeta) => JSON.stringify([m.subordinate, m.endpoints, m.actions]);
    if (shape(meta) !== shape(app.meta)) {
      throw new JujuError(`set-code changes code only: ${cmd.path} declares other endpoints or actions than application "${app.name}" has (deploy it as a new application instead)`);
    }
  }
  state.apps.set(app.name, { ...app, code });
  return { exitCode: 0, stdout: `application "${app.name}" runs the code from ${cmd.path} from now on\n`, stderr: '' };
}

function deploy(tx: Tx, cmd: Extract<Command, { type: 'deploy' }>): CommandResult {
  const { meta, charmName, catalog, real, code } = resolveCharm(cmd.charm);
  const name = cmd.app ?? meta.name;
  const units = meta.subordinate ? 0 : (cmd.units ?? 1);
  if (meta.subordinate && cmd.units !== null && cmd.units !== 0) throw new JujuError('subordinate application must be deployed without units');
  const app = addApplication(tx, { name, charmName, catalog, real, inferred: false, meta, ...(code ? { code } : {}) }, cmd, units);
  for (let i = 0; i < units; i++) addUnit(tx, app, null);
  const where = cmd.charm.kind === 'catalog' ? `charm "${meta.name}"` : `local charm "${meta.name}"`;
  return { exitCode: 0, stdout: '', stderr: `Deployed "${name}" from ${where}\n` };
}

function removeUnits(tx: Tx, names: readonly string[]): CommandResult {
  const errors: string[] = [];
  for (const name of names) {
    const unit = tx.state.units.get(name);
    if (!unit) errors.push(`removing unit ${name} failed: unit "${name}" does not exist`);
    else if (unit.principal !== null) {
      errors.push(`removing unit ${name} failed: unit "${name}" is a subordinate, consider removing its relation to ${unit.principal} instead`);
    } else destroyUnit(tx, unit);
  }
  return errors.length === 0 ? OK : { exitCode: 1, stdout: '', stderr: errors.map((e) => `ERROR ${e}\n`).join('') };
}

function runAction(tx: Tx, cmd: Extract<Command, { type: 'run-action' }>): CommandResult {
  const { state } = tx;
  const unit = unitOrThrow(state, cmd.unit);
  const app = appOrThrow(state, unit.app);
  const action = app.meta.actions.find((a) => a.name === cmd.action);
  if (!action) throw new JujuError(`action "${cmd.action}" not defined on unit "${cmd.unit}"`);
  for (const [k] of cmd.params) {
    if (!action.params.includes(k)) throw new JujuError(`validation failed: (root) : additional property "${k}" is not allowed`);
  }
  const operation = ++state.nextActionId;
  const task = ++state.nextActionId;
  unit.agent.actions.push({ id: task, name: cmd.action, params: new Map(cmd.params) });
  tx.state.touched.add(unit.name);
  const tag = `unit-${unit.name.replace('/', '-')}`;
  if (cmd.syntax === '2.9') return { exitCode: 0, stdout: `Action queued with id: "${task}"\n`, stderr: '' };
  return { exitCode: 0, stdout: '', stderr: `Running operation ${operation} with 1 task\n  - task ${task} on ${tag}\n\nWaiting for task ${task}...\n` };
}

function exec(tx: Tx, cmd: Extract<Command, { type: 'exec' }>, sink: TraceSink | null): CommandResult {
  const { state } = tx;
  const unit = unitOrThrow(state, cmd.unit);
  const ctx = new HookContext(state, unit, null);
  const out = runToolLine(ctx, cmd.commandLine);
  if (out.exitCode === 0 && ctx.hasWrites) {
    const seq = ++state.seq;
    const { changes, files } = ctx.commit(seq);
    if (changes.length > 0 || files.length > 0) sink?.({ type: 'exec', seq, unit: unit.name, commandLine: cmd.commandLine, changes, files });
  }
  return out;
}

function resolve(tx: Tx, cmd: Extract<Command, { type: 'resolve' }>): CommandResult {
  const { state } = tx;
  const unit = unitOrThrow(state, cmd.unit);
  const failed = unit.agent.failed;
  if (!failed) throw new JujuError(`unit "${cmd.unit}" is not in an error state`);
  unit.agent.failed = null;
  cancelRetry(state, unit);
  if (cmd.noRetry) {
    // Marked done without its writes, recording the data version it was chosen with (§4).
    clearFailure(state, unit);
    advance(tx, unit, failed);
    synchronizeScopes(tx, unit);
  } else unit.agent.retry = { ...failed, rule: 'retry' };
  state.touched.add(unit.name);
  return OK;
}

/** The model settings relviz simulates, with Juju's defaults. */
const MODEL_CONFIG_DEFAULTS = { 'automatically-retry-hooks': 'true' } as const;
type ModelConfigKey = keyof typeof MODEL_CONFIG_DEFAULTS;

function isConfigKey(key: string): key is ModelConfigKey {
  return Object.hasOwn(MODEL_CONFIG_DEFAULTS, key);
}

function configValue(state: SimState, key: ModelConfigKey): string {
  switch (key) {
    case 'automatically-retry-hooks':
      return String(state.config.automaticallyRetryHooks);
    default:
      return assertNever(key);
  }
}

function modelConfig(tx: Tx, cmd: Extract<Command, { type: 'model-config' }>): CommandResult {
  const { state } = tx;
  if (cmd.get !== null) {
    if (!isConfigKey(cmd.get)) throw new JujuError(`key "${cmd.get}" not found in "${MODEL_NAME}" model.`);
    return { exitCode: 0, stdout: `${configValue(state, cmd.get)}\n`, stderr: '' };
  }
  if (cmd.settings.length === 0) {
    const rows = (Object.keys(MODEL_CONFIG_DEFAULTS) as ModelConfigKey[]).map((k) => {
      const value = configValue(state, k);
      return [k, value === MODEL_CONFIG_DEFAULTS[k] ? 'default' : 'model', value];
    });
    return { exitCode: 0, stdout: formatTable([['Attribute', 'From', 'Value'], ...rows]), stderr: '' };
  }
  for (const [key, value] of cmd.settings) {
    if (!isConfigKey(key)) throw new JujuError(`key "${key}" is not simulated by relviz (it knows ${Object.keys(MODEL_CONFIG_DEFAULTS).join(', ')})`);
    if (value !== 'true' && value !== 'false') throw new JujuError(`${key}: expected bool, got string("${value}")`);
  }
  for (const [, value] of cmd.settings) setAutomaticRetry(state, value === 'true');
  return OK;
}

/** Turning automatic retry on schedules a retry for every unit in error; off cancels them (§4). */
function setAutomaticRetry(state: SimState, on: boolean): void {
  if (state.config.automaticallyRetryHooks === on) return;
  state.config.automaticallyRetryHooks = on;
  for (const unit of state.units.values()) {
    if (!unit.agent.failed) continue;
    if (on) scheduleRetry(state, unit);
    else cancelRetry(state, unit);
  }
}

function apply(tx: Tx, cmd: Command, sink: TraceSink | null): CommandResult {
  const { state } = tx;
  switch (cmd.type) {
    case 'deploy':
      return deploy(tx, cmd);
    case 'deploy-bundle':
      return readers().deployBundle(tx, cmd);
    case 'load-status':
      return readers().loadStatus(tx, cmd);
    case 'add-unit': {
      const app = appOrThrow(state, cmd.app);
      if (app.meta.subordinate) throw new JujuError(`cannot add unit to application "${cmd.app}": application is subordinate`);
      if (app.life !== 'alive') throw new JujuError(`cannot add unit to application "${cmd.app}": application is not alive`);
      if (cmd.units < 1) throw new JujuError('--num-units must be a positive integer');
      for (let i = 0; i < cmd.units; i++) addUnit(tx, app, null);
      return OK;
    }
    case 'remove-unit':
      return removeUnits(tx, cmd.units);
    case 'integrate':
      integrate(tx, cmd.a, cmd.b);
      return OK;
    case 'remove-relation':
      killRelation(tx, findRelation(state, cmd.a, cmd.b));
      return OK;
    case 'remove-application': {
      const app = appOrThrow(state, cmd.app);
      if (app.life === 'alive') {
        app.life = 'dying';
        for (const rel of [...state.relations.values()]) if (rel.endpoints.some((e) => e.app === app.name)) killRelation(tx, rel);
        for (const name of [...app.units]) {
          const unit = state.units.get(name);
          if (unit) destroyUnit(tx, unit);
        }
        maybeRemoveApp(tx, app);
      }
      return OK;
    }
    case 'run-action':
      return runAction(tx, cmd);
    case 'exec':
      return exec(tx, cmd, sink);
    case 'set-code':
      return setCode(state, cmd);
    case 'fail': {
      const times = cmd.times ?? 1;
      if (times !== 'always' && !(Number.isInteger(times) && times >= 1)) throw new JujuError('--times must be a positive integer');
      unitOrThrow(state, cmd.unit).agent.failNext.push({ hook: cmd.hook, left: times === 'always' ? -1 : times });
      state.touched.add(cmd.unit);
      return OK;
    }
    case 'model-config':
      return modelConfig(tx, cmd);
    case 'resolve':
      return resolve(tx, cmd);
    case 'status':
      return { exitCode: 0, stdout: formatStatus(state, cmd.relations), stderr: '' };
    case 'show-unit':
      return { exitCode: 0, stdout: readers().formatShowUnit(state, unitOrThrow(state, cmd.unit)), stderr: '' };
    case 'export-bundle':
      return { exitCode: 0, stdout: readers().exportBundle(state), stderr: '' };
    case 'step':
    case 'wait':
      return OK;
    default:
      return assertNever(cmd);
  }
}

/**
 * Applies a command's model change (not the hooks it causes). Emits the command
 * record first, then the controller events it caused. A refused command changes
 * nothing and comes back as exit code 1 with Juju's `ERROR …` on stderr.
 */
export function applyCommand(state: SimState, cmd: Command, sink: TraceSink | null, text = formatCommand(cmd)): CommandResult {
  const events: TraceRecord[] = [];
  const buffer: TraceSink = (r) => events.push(r);
  const tx: Tx = { state, sink: sink ? buffer : null, seq: 0 };
  let result: CommandResult;
  try {
    validate(state, cmd);
    result = apply(tx, cmd, sink ? buffer : null);
  } catch (e) {
    if (!(e instanceof JujuError)) throw e;
    result = { exitCode: 1, stdout: '', stderr: `ERROR ${e.message}\n` };
  }
  settleReadiness(state);
  if (sink) {
    sink({ type: 'command', command: text, exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr });
    for (const r of events) sink(r);
  }
  return result;
}

/** Checks that can refuse a command before anything changes (commands must be all-or-nothing). */
function validate(state: SimState, cmd: Command): void {
  switch (cmd.type) {
    case 'deploy': {
      const own = commandLimitError(cmd);
      if (own !== null) throw new JujuError(own);
      return;
    }
    case 'add-unit':
      checkAddUnitLimits(state, cmd, appOrThrow(state, cmd.app));
      return;
    case 'remove-application':
      appOrThrow(state, cmd.app);
      return;
    case 'integrate':
      checkIntegrate(state, cmd.a, cmd.b);
      return;
    case 'step': {
      const own = commandLimitError(cmd);
      if (own !== null) throw new JujuError(own);
      if (cmd.unit !== null) {
        unitOrThrow(state, cmd.unit);
        settleReadiness(state);
        if (!state.readyIndex.has(cmd.unit)) throw new JujuError(`unit "${cmd.unit}" has no hook to run`);
        const n = candidates(state, cmd.unit).length;
        if (cmd.pick !== null && cmd.pick >= n) throw new JujuError(`unit "${cmd.unit}" has ${n} possible next hook${n === 1 ? '' : 's'}; --pick must be below ${n}`);
      }
      return;
    }
    default:
      return;
  }
}
