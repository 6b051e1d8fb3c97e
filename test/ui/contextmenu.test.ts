/** What the toolbar and the graph's context menu offer for a unit, an application or a relation; the menu's keys and placement. */
import { describe, expect, it } from 'vitest';
import { formatCommand } from '../../src/engine/commands.ts';
import { createRelvizStore } from '../../src/store/store.ts';
import type { ModelView } from '../../src/store/view.ts';
import { selectionTarget } from '../../src/ui/controls/selection.ts';
import { deleteCommand, describeTarget, integratePairs, targetActions, type TargetAction } from '../../src/ui/controls/targetActions.ts';
import { menuFocusIndex, placeMenu } from '../../src/ui/graph/menuLogic.ts';
import type { Selection } from '../../src/store/store.ts';

function viewAfter(script: string): ModelView {
  const store = createRelvizStore({ script });
  store.getState().seek(store.getState().length);
  return store.getState().view;
}

const RELATED = 'juju deploy master\njuju deploy worker -n 2\njuju relate master worker\n';

function actions(view: ModelView, selection: Selection): TargetAction[] {
  const target = selectionTarget(view, selection);
  if (!target) throw new Error(`nothing at ${JSON.stringify(selection)}`);
  return targetActions(view, target);
}

const ids = (xs: readonly TargetAction[]) => xs.map((x) => x.id);
const commandOf = (x: TargetAction | undefined) => (x?.effect.kind === 'command' ? formatCommand(x.effect.command) : null);

describe('targetActions', () => {
  const view = viewAfter(RELATED);

  it('a healthy unit: fail a hook, remove it (Delete); run an action only when its charm has actions', () => {
    const worker = actions(view, { kind: 'unit', name: 'worker/1' });
    expect(ids(worker)).toEqual(['fail-hook', 'remove-unit']);
    const remove = worker.find((x) => x.id === 'remove-unit');
    expect(commandOf(remove)).toBe('juju remove-unit worker/1');
    expect(remove).toMatchObject({ tone: 'danger', shortcut: 'Delete', title: 'juju remove-unit worker/1 (Delete)', effect: { deselect: true } });
    expect(worker[0]?.effect).toEqual({ kind: 'form', form: 'fail-hook' });
    expect(ids(actions(view, { kind: 'unit', name: 'master/0' }))).toEqual(['fail-hook', 'run-action', 'remove-unit']);
  });

  it('a unit in error offers resolve first (retry and no-retry)', () => {
    const failed = viewAfter('juju model-config automatically-retry-hooks=false\njuju deploy master\njuju deploy worker\nfail worker/0 master-relation-joined\njuju relate master worker\n');
    expect(failed.units['worker/0']?.failedHook).toBe('master-relation-joined');
    const xs = actions(failed, { kind: 'unit', name: 'worker/0' });
    expect(ids(xs)).toEqual(['resolve', 'resolve-no-retry', 'fail-hook', 'remove-unit']);
    expect(xs.map(commandOf).slice(0, 2)).toEqual(['juju resolve worker/0', 'juju resolve --no-retry worker/0']);
    expect(xs[0]).toMatchObject({ tone: 'primary', disabled: null, effect: { deselect: false } });
  });

  it('an application: add a unit, integrate (when something fits), remove it', () => {
    const xs = actions(view, { kind: 'app', name: 'worker' });
    expect(ids(xs)).toEqual(['add-unit', 'integrate', 'remove-application']);
    expect(xs.map(commandOf)).toEqual(['juju add-unit worker', null, 'juju remove-application worker']);
    const alone = viewAfter('juju deploy master\n');
    expect(ids(actions(alone, { kind: 'app', name: 'master' }))).toEqual(['add-unit', 'remove-application']);
  });

  it('a subordinate cannot be given units by hand: Add unit is there but disabled, with the reason', () => {
    const sub = viewAfter('juju deploy ubuntu\njuju deploy telegraf\n');
    const add = actions(sub, { kind: 'app', name: 'telegraf' }).find((x) => x.id === 'add-unit');
    expect(add?.disabled).toMatch(/subordinate/);
    expect(actions(sub, { kind: 'app', name: 'ubuntu' }).find((x) => x.id === 'add-unit')?.disabled).toBeNull();
  });

  it('a relation: remove it, with the endpoints Juju names', () => {
    const xs = actions(view, { kind: 'relation', id: 0 });
    expect(ids(xs)).toEqual(['remove-relation']);
    expect(commandOf(xs[0])).toBe('juju remove-relation master:master-application worker:master');
    expect(xs[0]?.title).toBe('juju remove-relation master:master-application worker:master (Delete)');
  });

  it('a peer relation offers nothing (it goes with its application)', () => {
    const peers = viewAfter('juju deploy postgresql -n 2\n');
    const peer = peers.relations.find((r) => r.peer);
    expect(peer).toBeDefined();
    expect(actions(peers, { kind: 'relation', id: peer?.id ?? -1 })).toEqual([]);
  });

  it('names the target as the toolbar and the menu title do', () => {
    const name = (s: Selection) => describeTarget(selectionTarget(view, s) as NonNullable<ReturnType<typeof selectionTarget>>);
    expect(name({ kind: 'unit', name: 'worker/0' })).toBe('Unit worker/0');
    expect(name({ kind: 'app', name: 'master' })).toBe('Application master');
    expect(name({ kind: 'relation', id: 0 })).toBe('Relation #0 (master ⇄ worker)');
  });
});

describe('integratePairs', () => {
  it('lists every compatible endpoint pair with the other applications', () => {
    const view = viewAfter('juju deploy master\njuju deploy worker\n');
    const worker = view.apps.find((a) => a.name === 'worker');
    expect(worker && integratePairs(view, worker).map((p) => p.key)).toEqual(['worker:master master:master-application']);
  });
});

describe('deleteCommand', () => {
  const view = viewAfter(RELATED);
  it('removes a selected unit or relation, never an application', () => {
    expect(formatCommand(deleteCommand(view, { kind: 'unit', name: 'worker/0' }) ?? { type: 'wait' })).toBe('juju remove-unit worker/0');
    expect(formatCommand(deleteCommand(view, { kind: 'relation', id: 0 }) ?? { type: 'wait' })).toBe('juju remove-relation master:master-application worker:master');
    expect(deleteCommand(view, { kind: 'app', name: 'worker' })).toBeNull();
    expect(deleteCommand(view, null)).toBeNull();
    expect(deleteCommand(view, { kind: 'unit', name: 'worker/9' })).toBeNull();
  });
});

describe('menuFocusIndex', () => {
  const labels = ['Fail next hook…', 'Run action…', 'Remove unit'];
  it('moves with the arrows, wrapping at the ends', () => {
    expect(menuFocusIndex(labels, 0, 'ArrowDown')).toBe(1);
    expect(menuFocusIndex(labels, 2, 'ArrowDown')).toBe(0);
    expect(menuFocusIndex(labels, 0, 'ArrowUp')).toBe(2);
    // Nothing focused yet (-1): ↓ goes to the first item, ↑ to the last.
    expect(menuFocusIndex(labels, -1, 'ArrowDown')).toBe(0);
    expect(menuFocusIndex(labels, -1, 'ArrowUp')).toBe(1);
  });

  it('goes to the ends with Home and End, and to the next item starting with a typed letter', () => {
    expect(menuFocusIndex(labels, 1, 'Home')).toBe(0);
    expect(menuFocusIndex(labels, 0, 'End')).toBe(2);
    expect(menuFocusIndex(labels, 0, 'r')).toBe(1);
    expect(menuFocusIndex(labels, 1, 'R')).toBe(2);
    expect(menuFocusIndex(labels, 2, 'r')).toBe(1);
    expect(menuFocusIndex(labels, 0, 'x')).toBeNull();
  });

  it('ignores other keys and empty menus', () => {
    expect(menuFocusIndex(labels, 0, 'Enter')).toBeNull();
    expect(menuFocusIndex(labels, 0, ' ')).toBeNull();
    expect(menuFocusIndex([], 0, 'ArrowDown')).toBeNull();
  });
});

describe('placeMenu', () => {
  const size = { width: 200, height: 100 };
  const viewport = { width: 1000, height: 800 };
  it('opens right of and below the pointer when it fits', () => {
    expect(placeMenu({ x: 100, y: 100 }, size, viewport)).toEqual({ x: 100, y: 100 });
  });

  it('flips to the pointer\'s other side near the right or bottom edge', () => {
    expect(placeMenu({ x: 950, y: 780 }, size, viewport)).toEqual({ x: 750, y: 680 });
  });

  it('stays a margin inside the viewport whatever happens', () => {
    expect(placeMenu({ x: 150, y: 50 }, { width: 900, height: 50 }, viewport)).toEqual({ x: 92, y: 50 });
    expect(placeMenu({ x: -20, y: -20 }, size, viewport)).toEqual({ x: 8, y: 8 });
    expect(placeMenu({ x: 500, y: 500 }, { width: 2000, height: 2000 }, viewport)).toEqual({ x: 8, y: 8 });
  });
});
