/**
 * Juju-shaped text output: hook-tool YAML (sorted keys, numeric-looking strings
 * quoted, as goyaml writes them — JUJU-SEMANTICS §9), `juju status` and
 * `juju show-unit`.
 */
import { stringify } from 'yaml';
import { allEndpoints } from './charm.ts';
import { formatStringMap } from './yamlMap.ts';
import { counterpartApp, endpointOf, type Application, type SimState, type Unit } from './model.ts';

/**
 * A YAML map with sorted keys, as goyaml prints relation data; `{}` when empty. Written by
 * a small emitter (yamlMap.ts) so the initial bundle needs no YAML library.
 */
export function formatYamlMap(data: ReadonlyMap<string, string> | Readonly<Record<string, string>>): string {
  return formatStringMap(data);
}

/** A YAML document of any value, for show-unit and --format=yaml. */
export function formatYaml(value: unknown): string {
  return stringify(value, { version: '1.1', sortMapEntries: false, lineWidth: 0, indentSeq: false });
}

const SEVERITY: Record<string, number> = { error: 5, blocked: 4, maintenance: 3, waiting: 2, active: 1, unknown: 0 };

/** The workload status Juju shows: the charm's, or error while a hook failure waits for resolve. */
export function displayStatus(unit: Unit): { workload: string; message: string } {
  const failed = unit.agent.failed;
  if (failed) {
    const name = failed.kind === 'action' ? failed.action?.name : failed.kind.startsWith('relation-') ? `${failed.endpoint}-${failed.kind}` : failed.kind;
    return { workload: 'error', message: `hook failed: "${name}"` };
  }
  return unit.status;
}

function appStatus(state: SimState, app: Application): { workload: string; message: string } {
  let best: { workload: string; message: string } = { workload: app.units.length === 0 ? 'unknown' : 'waiting', message: '' };
  let sev = -1;
  for (const name of app.units) {
    const u = state.units.get(name);
    if (!u) continue;
    const s = displayStatus(u);
    const v = SEVERITY[s.workload] ?? 0;
    if (v > sev || (name === app.leader && v === sev)) {
      sev = v;
      best = s;
    }
  }
  return best;
}

/** A table as Juju prints one: columns padded to their widest cell, two spaces apart; ends with a newline. */
export function formatTable(rows: string[][]): string {
  return `${table(rows)}\n`;
}

function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + 2))).join('').trimEnd()).join('\n');
}

function agentStatus(unit: Unit): string {
  if (unit.agent.failed) return 'idle';
  if (!unit.agent.started && unit.life === 'alive') return unit.agent.installed ? 'executing' : 'allocating';
  return unit.life === 'dying' ? 'executing' : 'idle';
}

function unitRow(state: SimState, unit: Unit, indent: string): string[] {
  const app = state.apps.get(unit.app);
  const s = displayStatus(unit);
  const leader = app?.leader === unit.name ? '*' : '';
  const workload = unit.life === 'dying' ? (s.workload === 'error' ? 'error' : 'terminated') : s.workload;
  return [`${indent}${unit.name}${leader}`, workload, agentStatus(unit), unit.principal ? '' : String(unit.machine), unit.address, '', s.message];
}

/** `juju status [--relations]`. */
export function formatStatus(state: SimState, relations: boolean): string {
  const out: string[] = [];
  out.push(table([['Model', 'Controller', 'Cloud/Region', 'Version'], ['relviz', 'relviz', 'simulated/default', state.options.juju]]));
  const apps = [...state.apps.values()].sort((a, b) => a.name.localeCompare(b.name));
  if (apps.length === 0) {
    out.push('', 'Model "relviz" is empty.');
    return out.join('\n') + '\n';
  }
  const appRows = [['App', 'Version', 'Status', 'Scale', 'Charm', 'Channel', 'Rev', 'Exposed', 'Message']];
  for (const app of apps) {
    const s = appStatus(state, app);
    // relviz's own remark where Juju would have a charm: its endpoints were inferred (a bundle or status named an unknown charm).
    const message = app.inferred ? ['(relviz: charm not found, endpoints inferred)', s.message].filter(Boolean).join(' ') : s.message;
    appRows.push([app.name, '', app.life === 'dying' ? 'terminated' : s.workload, String(app.units.length), app.meta.name, '', '0', 'no', message]);
  }
  out.push('', table(appRows));
  const unitRows = [['Unit', 'Workload', 'Agent', 'Machine', 'Public address', 'Ports', 'Message']];
  for (const app of apps) {
    if (app.meta.subordinate) continue;
    for (const name of app.units) {
      const unit = state.units.get(name);
      if (!unit) continue;
      unitRows.push(unitRow(state, unit, ''));
      for (const sub of [...unit.subordinates].sort()) {
        const s = state.units.get(sub);
        if (s) unitRows.push(unitRow(state, s, '  '));
      }
    }
  }
  if (unitRows.length > 1) out.push('', table(unitRows));
  if (relations && state.relations.size > 0) {
    const relRows = [['Integration provider', 'Requirer', 'Interface', 'Type', 'Message']];
    const rels = [...state.relations.values()].sort((a, b) => a.key.localeCompare(b.key));
    for (const rel of rels) {
      const [p, r] = [rel.endpoints[0], rel.endpoints[1] ?? rel.endpoints[0]];
      if (!p || !r) continue;
      const type = rel.peer ? 'peer' : rel.container ? 'subordinate' : 'regular';
      relRows.push([`${p.app}:${p.endpoint}`, `${r.app}:${r.endpoint}`, p.interface, type, rel.life === 'dying' ? 'terminating' : '']);
    }
    out.push('', table(relRows));
  }
  return out.join('\n') + '\n';
}

/**
 * `juju show-unit <unit>` (3.x `cmd/juju/application/showunit.go`): the controller's
 * view of the unit, fields in Juju's order — machine, opened-ports, public-address,
 * charm, leader, life, relation-info. Each relation-info entry has relation-id,
 * endpoint, related-endpoint, application-data (the related application's bag),
 * local-unit only for peer relations, and related-units when there are any. Workload
 * status and subordinates are `juju status` fields, not show-unit's (§9).
 */
export function formatShowUnit(state: SimState, unit: Unit): string {
  const app = state.apps.get(unit.app);
  const sortedData = (data: ReadonlyMap<string, string> | undefined) => Object.fromEntries([...(data ?? [])].sort(([a], [b]) => (a < b ? -1 : 1)));
  const relationInfo: unknown[] = [];
  for (const rel of state.relations.values()) {
    const own = endpointOf(rel, unit.app);
    if (!own || !rel.scope.has(unit.name)) continue;
    const otherApp = counterpartApp(rel, unit.app);
    const related = rel.peer ? own : endpointOf(rel, otherApp);
    const relatedUnits: Record<string, unknown> = {};
    for (const [name, entry] of [...rel.scope].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (name === unit.name) continue;
      const other = state.units.get(name);
      if (!other || (rel.peer ? other.app !== unit.app : other.app === unit.app)) continue;
      if (rel.container && other.machine !== unit.machine) continue;
      relatedUnits[name] = { 'in-scope': !entry.departing, data: sortedData(rel.unitBags.get(name)?.data) };
    }
    const info: Record<string, unknown> = {
      'relation-id': rel.id,
      endpoint: own.endpoint,
      'related-endpoint': related?.endpoint ?? own.endpoint,
      'application-data': sortedData(rel.appBags.get(otherApp)?.data),
    };
    if (rel.peer) info['local-unit'] = { 'in-scope': true, data: sortedData(rel.unitBags.get(unit.name)?.data) };
    if (Object.keys(relatedUnits).length > 0) info['related-units'] = relatedUnits;
    relationInfo.push(info);
  }
  const body: Record<string, unknown> = {
    machine: String(unit.machine),
    'opened-ports': [],
    'public-address': unit.address,
    charm: `local:${app?.meta.name ?? unit.app}-0`,
    leader: app?.leader === unit.name,
    life: unit.life,
  };
  if (relationInfo.length > 0) body['relation-info'] = relationInfo;
  return formatYaml({ [unit.name]: body });
}

/** Endpoint summary `name (interface)` for listings. */
export function describeEndpoints(app: Application): string[] {
  return allEndpoints(app.meta).map((e) => `${e.role} ${e.name} (${e.interface}${e.scope === 'container' ? ', container' : ''})`);
}
