/**
 * What relviz will simulate, so that no input — typed, scripted, in a share link, a
 * saved session or an embed message — can freeze a page or exhaust memory. Juju has
 * no such limits; relviz is a teaching and exploring tool, and these are far beyond
 * any model one watches hook by hook (the worst case, masterworker 1,000 × 1,000, is
 * four million hooks). Every door applies them here, in the engine's validation,
 * and a refusal reads like Juju's own and names the limit.
 */
import type { Command } from './command.ts';
import { JujuError } from './errors.ts';
import type { Application, SimState } from './model.ts';

export const LIMITS = {
  /** `juju deploy -n` / `juju add-unit -n`. */
  unitsPerCommand: 1000,
  /** Units an application may have (dying ones included: they still run hooks). */
  unitsPerApplication: 1000,
  /** Units in the whole model, subordinates included. */
  unitsPerModel: 5000,
  /** Hooks one command may run (`step n`, and the run of any command that waits until idle). */
  hooksPerCommand: 5_000_000,
  /** Files a command may carry (a charm folder, a bundle with its charms), and their text in all. */
  filesPerCommand: 500,
  fileCharsPerCommand: 8 * 1024 * 1024,
} as const;

const n = (x: number) => (Number.isFinite(x) ? x.toLocaleString('en') : String(x));

function over(what: string, limit: number, unit: string): string {
  return `${what}, over relviz's limit of ${n(limit)} ${unit}`;
}

/**
 * The limit a command breaks whatever the model (its own numbers), as Juju would
 * word the refusal; null when it breaks none. Used by the engine and by the session
 * schema, which must refuse such a command before anything is rebuilt.
 */
export function commandLimitError(cmd: Command): string | null {
  switch (cmd.type) {
    case 'deploy':
      if (cmd.units !== null && cmd.units > LIMITS.unitsPerCommand) return over(`cannot deploy ${n(cmd.units)} units`, LIMITS.unitsPerCommand, 'units per command');
      return null;
    case 'add-unit':
      if (cmd.units > LIMITS.unitsPerCommand) return over(`cannot add ${n(cmd.units)} units to application "${cmd.app}"`, LIMITS.unitsPerCommand, 'units per command');
      return null;
    case 'step':
      if (cmd.count > LIMITS.hooksPerCommand) return over(`cannot run ${n(cmd.count)} hooks`, LIMITS.hooksPerCommand, 'hooks per command');
      return null;
    default:
      return null;
  }
}

/** Subordinate applications a new unit of `app` brings one unit of each (its alive container relations). */
function subordinatesPerUnit(state: SimState, app: Application): Application[] {
  const out: Application[] = [];
  for (const rel of state.relations.values()) {
    if (!rel.container || rel.peer || rel.life !== 'alive' || !rel.endpoints.some((e) => e.app === app.name)) continue;
    for (const e of rel.endpoints) {
      const other = state.apps.get(e.app);
      if (other && other !== app && other.meta.subordinate && !out.includes(other)) out.push(other);
    }
  }
  return out;
}

/** Refuses, as a JujuError, an add-unit whose new units (and their subordinates) would break a limit. */
export function checkAddUnitLimits(state: SimState, cmd: Extract<Command, { type: 'add-unit' }>, app: Application): void {
  const own = commandLimitError(cmd);
  if (own !== null) throw new JujuError(own);
  const units = cmd.units;
  if (units <= 0) return;
  const verb = `cannot add ${n(units)} unit${units === 1 ? '' : 's'} to application "${app.name}"`;
  const after = app.units.length + units;
  if (after > LIMITS.unitsPerApplication) throw new JujuError(over(`${verb}: it would have ${n(after)} units`, LIMITS.unitsPerApplication, 'units per application'));
  const subs = app.meta.subordinate ? [] : subordinatesPerUnit(state, app);
  for (const sub of subs) {
    const subAfter = sub.units.length + units;
    if (subAfter > LIMITS.unitsPerApplication) {
      throw new JujuError(over(`${verb}: its subordinate "${sub.name}" would have ${n(subAfter)} units`, LIMITS.unitsPerApplication, 'units per application'));
    }
  }
  const modelAfter = state.units.size + units * (1 + subs.length);
  if (modelAfter > LIMITS.unitsPerModel) throw new JujuError(over(`${verb}: the model would have ${n(modelAfter)} units`, LIMITS.unitsPerModel, 'units per model'));
}

/** Refuses a deploy whose units would break a limit. */
export function checkDeployLimits(state: SimState, cmd: Extract<Command, { type: 'deploy' }>, units: number): void {
  const own = commandLimitError(cmd);
  if (own !== null) throw new JujuError(own);
  const modelAfter = state.units.size + units;
  if (modelAfter > LIMITS.unitsPerModel) throw new JujuError(over(`cannot deploy ${n(units)} units: the model would have ${n(modelAfter)} units`, LIMITS.unitsPerModel, 'units per model'));
}

/** Refuses a container relation whose subordinate units (one per principal unit) would break a limit. */
export function checkSubordinateLimits(state: SimState, subordinate: Application, principal: Application, key: string): void {
  const units = principal.units.length;
  const after = subordinate.units.length + units;
  if (after > LIMITS.unitsPerApplication) {
    throw new JujuError(over(`cannot add relation "${key}": subordinate "${subordinate.name}" would have ${n(after)} units`, LIMITS.unitsPerApplication, 'units per application'));
  }
  const modelAfter = state.units.size + units;
  if (modelAfter > LIMITS.unitsPerModel) throw new JujuError(over(`cannot add relation "${key}": the model would have ${n(modelAfter)} units`, LIMITS.unitsPerModel, 'units per model'));
}

/** The note for a run cut short by the limit on hooks per command. */
export function hookLimitNote(hooks: number): string {
  return `relviz stopped this command's run after ${n(hooks)} hooks, its limit of hooks per command; \`wait\` runs more.`;
}
