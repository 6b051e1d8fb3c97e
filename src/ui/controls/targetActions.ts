/**
 * What can be done to a unit, an application or a relation (pure): the one list that
 * both the selection toolbar and the graph's context menu show, in the same order,
 * each item with the engine command it applies or the toolbar form it opens. The
 * commands are the ones the console would run; Juju's refusals reach the error banner.
 */
import { formatCommand, type Command } from '../../engine/commands.ts';
import type { Selection } from '../../store/store.ts';
import type { AppView, ModelView, RelationView } from '../../store/view.ts';
import { compatible } from '../graph/compat.ts';
import { selectionTarget, type SelectionTarget } from './selection.ts';
import { ControlLabel } from './style.ts';

/** The toolbar forms an item can open (they ask for more than a click can say). */
export type ActionForm = 'fail-hook' | 'run-action' | 'integrate';

export type ActionEffect =
  /** Apply the command; `deselect` when it removes the selected thing (and Juju accepted it). */
  | { readonly kind: 'command'; readonly command: Command; readonly deselect: boolean }
  | { readonly kind: 'form'; readonly form: ActionForm };

export interface TargetAction {
  readonly id: 'resolve' | 'resolve-no-retry' | ActionForm | 'remove-unit' | 'add-unit' | 'remove-application' | 'remove-relation';
  readonly label: string;
  /** The tooltip: the juju command, or what the item does. */
  readonly title: string;
  readonly tone: 'primary' | 'normal' | 'danger';
  readonly effect: ActionEffect;
  /** Why the item cannot be used now; null when it can. */
  readonly disabled: string | null;
  /** The graph's key for the same thing. */
  readonly shortcut: 'Delete' | null;
}

export interface IntegratePair {
  /** `app:endpoint other:endpoint`, unique among the pairs. */
  readonly key: string;
  readonly mine: string;
  readonly other: string;
  readonly theirs: string;
}

/** Every compatible pair of this application's endpoints with another application's. */
export function integratePairs(view: ModelView, app: AppView): IntegratePair[] {
  return app.endpoints.flatMap((mine) =>
    view.apps
      .filter((other) => other.name !== app.name)
      .flatMap((other) =>
        other.endpoints
          .filter((theirs) => compatible(view, { app: app.name, endpoint: mine.name }, { app: other.name, endpoint: theirs.name }))
          .map((theirs) => ({ key: `${app.name}:${mine.name} ${other.name}:${theirs.name}`, mine: mine.name, other: other.name, theirs: theirs.name })),
      ),
  );
}

export function integrateCommand(app: string, pair: IntegratePair): Command {
  return { type: 'integrate', a: { app, endpoint: pair.mine }, b: { app: pair.other, endpoint: pair.theirs } };
}

export const addUnitCommand = (app: string, units: number): Command => ({ type: 'add-unit', app, units });

/**
 * `fail <unit> <hook>`, `… --times N` or `… --always`: how many of the hook's next
 * runs exit 1. Once is written without `times`, as the script parser reads
 * `fail u h` (so a share link rebuilds exactly this command).
 */
export function failCommand(unit: string, hook: string, times: number | 'always' = 1): Command {
  const base = { type: 'fail', unit, hook } as const;
  return times === 1 ? base : { ...base, times };
}

/** `juju remove-relation` for a relation between two applications; null for a peer relation. */
export function removeRelationCommand(relation: RelationView): Command | null {
  const [a, b] = relation.endpoints;
  if (!a || !b || relation.peer) return null;
  return { type: 'remove-relation', a: { app: a.app, endpoint: a.endpoint }, b: { app: b.app, endpoint: b.endpoint } };
}

/** What the Delete key does on the graph to the focused unit or relation: remove it (not an application). */
export function deleteCommand(view: ModelView, item: Selection): Command | null {
  const target = selectionTarget(view, item);
  if (target?.kind === 'unit') return { type: 'remove-unit', units: [target.unit.name] };
  if (target?.kind === 'relation') return removeRelationCommand(target.relation);
  return null;
}

/** The target's name as the toolbar and the menu title show it. */
export function describeTarget(t: SelectionTarget): string {
  switch (t.kind) {
    case 'unit':
      return `Unit ${t.unit.name}`;
    case 'app':
      return `Application ${t.app.name}`;
    case 'relation':
      return `Relation #${t.relation.id} (${t.relation.endpoints.map((e) => e.app).join(' ⇄ ')})`;
  }
}

export const SUBORDINATE_UNITS = 'A subordinate gets a unit beside each related principal unit';

const command = (c: Command, deselect = false): ActionEffect => ({ kind: 'command', command: c, deselect });
const form = (f: ActionForm): ActionEffect => ({ kind: 'form', form: f });
const item = (id: TargetAction['id'], label: string, title: string, effect: ActionEffect, more: Partial<Pick<TargetAction, 'tone' | 'disabled' | 'shortcut'>> = {}): TargetAction => ({
  id,
  label,
  title,
  effect,
  tone: more.tone ?? 'normal',
  disabled: more.disabled ?? null,
  shortcut: more.shortcut ?? null,
});

/** The actions for a unit, an application or a relation, in the order they are shown. */
export function targetActions(view: ModelView, target: SelectionTarget): TargetAction[] {
  switch (target.kind) {
    case 'unit': {
      const { unit } = target;
      const app = view.apps.find((a) => a.name === unit.app);
      const remove: Command = { type: 'remove-unit', units: [unit.name] };
      return [
        ...(unit.failedHook !== null
          ? [
              item('resolve', ControlLabel.resolve, `juju resolve ${unit.name}: run the failed ${unit.failedHook} hook again`, command({ type: 'resolve', unit: unit.name, noRetry: false }), { tone: 'primary' }),
              item('resolve-no-retry', ControlLabel.resolveNoRetry, `juju resolve --no-retry ${unit.name}: skip the failed ${unit.failedHook} hook`, command({ type: 'resolve', unit: unit.name, noRetry: true })),
            ]
          : []),
        item('fail-hook', ControlLabel.failNextHook, `Make ${unit.name}'s next run of a hook exit 1, or its next N runs, or every run (fail ${unit.name} <hook> [--times N | --always])`, form('fail-hook')),
        ...(app && app.actions.length > 0 ? [item('run-action', ControlLabel.runAction, `juju run ${unit.name} <action>`, form('run-action'))] : []),
        item('remove-unit', ControlLabel.removeUnit, `${formatCommand(remove)} (Delete)`, command(remove, true), { tone: 'danger', shortcut: 'Delete' }),
      ];
    }
    case 'app': {
      const { app } = target;
      const add = addUnitCommand(app.name, 1);
      const remove: Command = { type: 'remove-application', app: app.name };
      return [
        item('add-unit', ControlLabel.addUnit, app.subordinate ? SUBORDINATE_UNITS : formatCommand(add), command(add), { disabled: app.subordinate ? SUBORDINATE_UNITS : null }),
        ...(integratePairs(view, app).length > 0 ? [item('integrate', ControlLabel.integrate, `juju integrate ${app.name} <endpoint of another application>`, form('integrate'))] : []),
        item('remove-application', ControlLabel.removeApplication, formatCommand(remove), command(remove, true), { tone: 'danger' }),
      ];
    }
    case 'relation': {
      const remove = removeRelationCommand(target.relation);
      return remove ? [item('remove-relation', ControlLabel.removeRelation, `${formatCommand(remove)} (Delete)`, command(remove, true), { tone: 'danger', shortcut: 'Delete' })] : [];
    }
  }
}
