/**
 * Deploying a whole model in one command: a bundle (`juju deploy ./bundle.yaml`) or a
 * running model's `juju status` (`load-status ./status.json`). Like Juju, the whole
 * input is read, its charms resolved (bundlePlan.ts) and every change tried on a copy
 * of the model first; a problem anywhere — the YAML, a relation naming an application
 * or endpoint that is not there, an ambiguous relation, a limit — refuses all of it
 * with each problem's file and line, and nothing is deployed.
 *
 * A status also fixes what a bundle leaves to Juju: each unit's own number and
 * machine, the leaders, which subordinate unit sits beside which principal, and the
 * databags `juju show-unit` gave.
 */
import { BundleError, formatRelation, type BundleProblem, type BundleRelation, type Where } from './bundle.ts';
import { filesLookup, Placement, readBundle } from './bundleFiles.ts';
import { metadataYaml, planBundle, type BundlePlan, type PlannedApp } from './bundlePlan.ts';
import { findCharm } from './catalog/index.ts';
import { allEndpoints, type CharmMeta } from './charm.ts';
import { cloneState } from './clone.ts';
import type { Command, CommandResult, EndpointRef } from './command.ts';
import { JujuError } from './errors.ts';
import { checkIntegrate, chooseNewRelation, integrate } from './integrate.ts';
import { getBag, type Application, type SimState } from './model.ts';
import { normalizePath } from './paths.ts';
import { parseStatus, type StatusModel, type StatusRelation, type StatusUnit } from './status.ts';
import type { Tx } from './tx.ts';
import { addApplication, addUnit, setLeader } from './world.ts';
import { charmCode } from './python.ts';

function refusal(problems: readonly BundleProblem[], what: string): string {
  const one = problems.length === 1;
  return `cannot ${what}: ${one ? '' : `${problems.length} problems`}${problems.map((p) => `${one ? '' : '\n  '}${p.file}:${p.line}: ${p.message}`).join('')}`;
}

/** A plan tried on a copy of the model, then applied; throws JujuError (nothing applied) with every problem. */
function deployWhole(tx: Tx, plan: BundlePlan, status: StatusModel | null, what: string): string[] {
  const problems = applyPlan({ state: cloneState(tx.state), sink: null, seq: 0 }, plan, status).problems;
  if (problems.length > 0) throw new JujuError(refusal(problems, what));
  return applyPlan(tx, plan, status).changes;
}

/** `juju deploy ./bundle.yaml [--overlay ./o.yaml]…` */
export function deployBundle(tx: Tx, cmd: Extract<Command, { type: 'deploy-bundle' }>): CommandResult {
  let plan: BundlePlan;
  try {
    plan = planBundle(readBundle(cmd), filesLookup(cmd.path, cmd.files));
  } catch (e) {
    if (e instanceof BundleError) throw new JujuError(refusal(e.problems, 'deploy bundle'));
    throw e;
  }
  const changes = deployWhole(tx, plan, null, 'deploy bundle');
  const notes = plan.warnings.map((w) => `relviz: ${w}\n`).join('');
  return { exitCode: 0, stdout: '', stderr: `Executing changes:\n${changes.map((c) => `- ${c}\n`).join('')}Deploy of bundle completed.\n${notes}` };
}

/** `load-status ./status.json [--show-unit ./unit.json]…`: the model `juju status` shows, built here. */
export function loadStatus(tx: Tx, cmd: Extract<Command, { type: 'load-status' }>): CommandResult {
  let status: StatusModel;
  let plan: BundlePlan;
  const notes: string[] = [];
  try {
    const file = (path: string) => {
      const text = cmd.files[normalizePath(path)];
      if (text === undefined) throw new BundleError([{ file: path, line: 1, message: `file "${path}" not found` }]);
      return { name: path, text };
    };
    status = parseStatus(file(cmd.path), cmd.showUnits.map(file));
    const interfaceOf = (rel: BundleRelation) => (rel as Partial<StatusRelation>).interface ?? null;
    const lookup = filesLookup(cmd.path, cmd.files);
    plan = planBundle(status.bundle, lookup, { interfaceOf });
    // The running model is the truth: a catalog charm without an endpoint the model uses is another revision — inferred instead.
    const used = [...status.relations.flatMap((r) => [r.a, r.b]), ...status.peers];
    const stale = plan.apps.filter((a) => a.source === 'catalog' && used.some((u) => u.app === a.name && u.endpoint !== null && !allEndpoints(a.meta).some((e) => e.name === u.endpoint)));
    if (stale.length > 0) {
      plan = planBundle(status.bundle, lookup, { interfaceOf, infer: new Set(stale.map((a) => a.name)) });
      for (const a of stale) notes.push(`the catalog's charm ${a.meta.name} lacks endpoints application "${a.name}" uses (another revision): its endpoints are inferred from status`);
    }
    plan = withPeers(plan, status);
  } catch (e) {
    if (e instanceof BundleError) throw new JujuError(refusal(e.problems, 'load the model'));
    throw e;
  }
  const changes = deployWhole(tx, plan, status, 'load the model');
  const said = [...plan.warnings, ...notes, ...status.notes].map((w) => `relviz: ${w}\n`).join('');
  const model = status.model.name ? ` "${status.model.name}"` : '';
  return { exitCode: 0, stdout: '', stderr: `Loading model${model} from juju status:\n${changes.map((c) => `- ${c}\n`).join('')}Model loaded.\n${said}` };
}

/** An inferred charm gets the peer relations status lists (a bundle never names peers, so inference cannot see them). */
function withPeers(plan: BundlePlan, status: StatusModel): BundlePlan {
  const apps = plan.apps.map((app): PlannedApp => {
    const peers = status.peers.filter((p) => p.app === app.name && !allEndpoints(app.meta).some((e) => e.name === p.endpoint));
    if (app.source !== 'inferred' || peers.length === 0) return app;
    const meta: CharmMeta = {
      ...app.meta,
      endpoints: [...app.meta.endpoints, ...peers.map((p) => ({ name: p.endpoint, role: 'peers' as const, interface: p.interface ?? p.endpoint, limit: null, scope: 'global' as const, implicit: false }))],
    };
    return { ...app, meta, charm: { kind: 'files', path: app.charm.kind === 'files' ? app.charm.path : app.name, files: { 'metadata.yaml': metadataYaml(meta) } } };
  });
  return { ...plan, apps };
}

/** The machine a status names (`3`), or undefined for a container or Kubernetes (a machine of its own). */
function statusMachine(machine: string | null): number | undefined {
  return machine !== null && /^\d+$/.test(machine) ? Number(machine) : undefined;
}

/** Applies a plan; each change Juju would refuse is a problem at its file and line (the rest still tried). */
function applyPlan(tx: Tx, plan: BundlePlan, status: StatusModel | null): { problems: BundleProblem[]; changes: string[] } {
  const { state } = tx;
  const problems: BundleProblem[] = [];
  const changes: string[] = [];
  const attempt = (where: Where, what: (message: string) => string, change: () => void) => {
    try {
      change();
    } catch (e) {
      if (!(e instanceof JujuError)) throw e;
      problems.push({ file: where.file, line: where.line, message: what(e.message) });
    }
  };
  // A status's machines keep their numbers: new ones come after them.
  const numbered = [...(status?.units.values() ?? [])].flat().flatMap((u) => statusMachine(u.machine) ?? []);
  if (numbered.length > 0) state.nextMachine = Math.max(state.nextMachine, ...numbered.map((m) => m + 1));
  const placement = new Placement(state, new Map(plan.apps.map((a) => [a.name, a.to])));
  for (const planned of plan.apps) {
    attempt(planned, (why) => `application "${planned.name}": ${why}`, () => {
      const { meta, charm } = planned;
      const specs = status?.units.get(planned.name);
      const principals = specs?.filter((u) => u.principal === null);
      const units = principals ? (meta.subordinate ? 0 : principals.length) : planned.units;
      const cmd: Extract<Command, { type: 'deploy' }> = { type: 'deploy', charm, app: planned.name, units };
      const charmName = charm.kind === 'catalog' ? charm.name : charm.path;
      const real = charm.kind === 'catalog' && findCharm(charm.name)?.real !== undefined;
      const code = charm.kind === 'files' ? charmCode(charm.files) : null;
      const app = addApplication(tx, { name: planned.name, charmName, catalog: charm.kind === 'catalog', real, inferred: planned.source === 'inferred', meta, ...(code ? { code } : {}) }, cmd, units);
      changes.push(`deploy application ${planned.name} from ${planned.source === 'inferred' ? `${charmName} (endpoints inferred)` : charmName}`);
      const at = plan.positions[planned.name];
      if (at) state.annotations.set(planned.name, at);
      const remote = plan.crossModel.get(planned.name);
      if (remote) state.crossModel.set(planned.name, remote);
      if (specs) addStatusUnits(tx, app, specs, changes);
      else {
        for (let i = 0; i < units; i++) {
          const next = state.nextMachine;
          const unit = addUnit(tx, app, null, { machine: placement.machineFor(planned.name, i) });
          changes.push(`add unit ${unit.name} to ${unit.machine >= next ? 'new machine' : 'machine'} ${unit.machine}`);
        }
      }
    });
  }
  const planned = new Map(plan.apps.map((a) => [a.name, a]));
  for (const rel of plan.relations) {
    // A named endpoint a known charm lacks says so, with the charm; anything else is Juju's own refusal.
    const missing = [rel.a, rel.b].find((side) => side.endpoint !== null && planned.has(side.app) && !allEndpoints(planned.get(side.app)?.meta as CharmMeta).some((e) => e.name === side.endpoint));
    const charmOf = (app: string) => {
      const p = planned.get(app);
      return p ? `charm ${p.meta.name}${p.source === 'inferred' ? ', inferred' : ''}` : 'not in the bundle';
    };
    attempt(
      rel,
      (why) => `relation "${formatRelation(rel)}": ${missing ? `no endpoint "${missing.endpoint}" on application "${missing.app}" (${charmOf(missing.app)})` : why}`,
      () => {
        if (missing) throw new JujuError('missing endpoint');
        const [a, b] = resolveSides(state, rel);
        checkIntegrate(state, a, b);
        const made = integrate(tx, a, b);
        changes.push(`add relation ${made.endpoints.map((e) => `${e.app}:${e.endpoint}`).join(' ')}${a !== rel.a || b !== rel.b ? ' (endpoint guessed: status did not name it)' : ''}`);
      },
    );
  }
  if (status) placeDatabags(state, status, changes);
  return { problems, changes };
}

/**
 * A status relation with a side status could not name: as given if Juju can tell the
 * endpoint (one fits), else the first of the endpoints status lists facing the other
 * application that does.
 */
function resolveSides(state: SimState, rel: BundleRelation): [EndpointRef, EndpointRef] {
  const candidates = (rel as Partial<StatusRelation>).candidates;
  const given: [EndpointRef, EndpointRef] = [rel.a, rel.b];
  if (!candidates) return given;
  try {
    chooseNewRelation(state, rel.a, rel.b);
    return given;
  } catch (e) {
    if (!(e instanceof JujuError)) throw e;
    const tries: Array<[EndpointRef, EndpointRef]> = [
      ...(rel.a.endpoint === null ? candidates.a.map((endpoint): [EndpointRef, EndpointRef] => [{ app: rel.a.app, endpoint }, rel.b]) : []),
      ...(rel.b.endpoint === null ? candidates.b.map((endpoint): [EndpointRef, EndpointRef] => [rel.a, { app: rel.b.app, endpoint }]) : []),
    ];
    for (const t of tries) {
      try {
        chooseNewRelation(state, t[0], t[1]);
        return t;
      } catch (again) {
        if (!(again instanceof JujuError)) throw again;
      }
    }
    throw e;
  }
}

/** A status's units: their own numbers and machines, the leader it marks, subordinates' numbers kept for when they come. */
function addStatusUnits(tx: Tx, app: Application, specs: readonly StatusUnit[], changes: string[]): void {
  const { state } = tx;
  const leader = specs.find((u) => u.leader)?.name ?? null;
  // The leader is the one status marks, not the first unit added.
  if (leader !== null) app.leader = leader;
  for (const spec of specs) {
    if (spec.principal !== null) {
      // A subordinate unit comes when its principal enters the relation's scope: it will take this number.
      state.reservedUnits.set(`${spec.principal}>${app.name}`, spec.number);
      continue;
    }
    const machine = statusMachine(spec.machine);
    const unit = addUnit(tx, app, null, { number: spec.number, ...(machine !== undefined ? { machine } : {}) });
    changes.push(`add unit ${unit.name} to machine ${unit.machine}${spec.machine !== null && machine === undefined ? ` (${spec.machine} in the model)` : ''}`);
  }
  if (leader !== null && app.units.includes(leader)) setLeader(tx, app, leader);
}

/** What show-unit said is in each databag, in place before any hook runs. */
function placeDatabags(state: SimState, status: StatusModel, changes: string[]): void {
  let placed = 0;
  for (const bag of status.databags) {
    const { a, b } = bag.relation;
    const rel = [...state.relations.values()].find(
      (r) => r.life === 'alive' && r.endpoints.some((e) => e.app === a.app && e.endpoint === a.endpoint) && r.endpoints.some((e) => e.app === b.app && e.endpoint === b.endpoint),
    );
    if (!rel) continue;
    const own = getBag(state.apps.has(bag.owner) ? rel.appBags : rel.unitBags, bag.owner);
    for (const [k, v] of Object.entries(bag.data)) own.data.set(k, v);
    own.version += 1;
    placed += 1;
  }
  if (placed > 0) changes.push(`set ${placed} databag${placed === 1 ? '' : 's'} as juju show-unit shows them`);
}
