/**
 * Juju-shaped text output: `juju status` and the statuses it shows. (Hook tools' YAML
 * maps are written by yamlMap.ts; `juju show-unit` is in showUnit.ts, with the YAML
 * library.)
 */
import { allEndpoints } from './charm.ts';
import type { Application, SimState, Unit } from './model.ts';

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

/** Endpoint summary `name (interface)` for listings. */
export function describeEndpoints(app: Application): string[] {
  return allEndpoints(app.meta).map((e) => `${e.role} ${e.name} (${e.interface}${e.scope === 'container' ? ', container' : ''})`);
}
