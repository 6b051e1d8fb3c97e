/**
 * The ordering guarantees of JUJU-SEMANTICS §10 (G1–G13) as checks over a trace and
 * a final state. Returns the violations found (empty when all hold).
 *
 * One deliberate difference from the letter of G4, after Juju's own code: a unit
 * enters every relation's scope at once (§2), and Juju keeps its relation state from
 * then on, so a relation that starts dying before the unit ran its relation-created
 * is still broken on it (relation/resolver.go needs only StateFound). relation-broken
 * may therefore be the first and only hook of a relation on a unit.
 */
import { counterpartApp, type SimState } from '../../src/engine/model.ts';
import type { HookRecord, TraceRecord } from '../../src/engine/trace.ts';
import { candidates } from '../../src/engine/resolver.ts';
import { visibleTo } from '../../src/engine/world.ts';

const LEADERSHIP = new Set(['leader-elected', 'leader-settings-changed']);

interface RelState {
  created: boolean;
  broken: boolean;
  joined: Set<string>;
  departed: Set<string>;
  pendingChanged: string | null;
}

/** Hooks that took effect: successes, plus failures later resolved with --no-retry. */
function effectiveHooks(trace: readonly TraceRecord[]): Array<{ rec: HookRecord; at: number }> {
  const out: Array<{ rec: HookRecord; at: number }> = [];
  const lastFailure = new Map<string, { rec: HookRecord; at: number }>();
  trace.forEach((r, at) => {
    if (r.type === 'hook') {
      if (r.result === 'ok') out.push({ rec: r, at });
      else if (r.kind !== 'action') lastFailure.set(r.unit, { rec: r, at });
    } else if (r.type === 'command' && r.exitCode === 0) {
      const m = /^juju resolve --no-retry (\S+)$/.exec(r.command);
      const failed = m ? lastFailure.get(m[1] as string) : undefined;
      if (failed) {
        out.push({ rec: failed.rec, at });
        lastFailure.delete(m?.[1] as string);
      }
    }
  });
  return out;
}

export function checkTrace(trace: readonly TraceRecord[]): string[] {
  const errors: string[] = [];
  const fail = (msg: string) => errors.push(msg);
  const relAddedAt = new Map<number, number>();
  const removedAt = new Map<string, number>();
  const dying = new Set<string>();
  const leaderOf = new Map<string, string | null>();
  const electedSince = new Map<string, number>();
  /** Units that ran leader-settings-changed, and units that started. */
  const settingsChanged = new Set<string>();
  const started = new Set<string>();
  const appOf = (unit: string) => unit.slice(0, unit.lastIndexOf('/'));
  /** seq → the unit of the hook or exec with that seq. */
  const committedBy = new Map<number, string>();
  const dyingLeaders = new Set<string>();
  const wasLeaderWhenDying = (unit: string) => dyingLeaders.has(unit);
  trace.forEach((r, at) => {
    if (r.type === 'event' && r.event === 'relation-added' && r.relationId !== null) relAddedAt.set(r.relationId, at);
    if (r.type === 'event' && r.event === 'unit-removed' && r.unit) removedAt.set(r.unit, at);
    if (r.type === 'event' && r.event === 'unit-dying' && r.unit) dying.add(r.unit);
    if (r.type === 'hook' && removedAt.has(r.unit)) fail(`hook ${r.seq} ${r.hook} ran on removed unit ${r.unit}`);
    // A relation-changed's cause is a commit on the other side (a hook or exec of the remote
    // unit, or of a unit of the remote application for app data), or 0 (scope entry).
    if (r.type === 'hook' && r.kind === 'relation-changed' && r.cause !== 0) {
      const by = committedBy.get(r.cause);
      const remoteApp = r.remoteApp ?? '';
      if (!by) fail(`changed ${r.seq} on ${r.unit}: cause ${r.cause} is no hook or exec before it`);
      else if (by !== r.remoteUnit && by.slice(0, by.lastIndexOf('/')) !== remoteApp) fail(`changed ${r.seq} on ${r.unit} (remote ${r.remoteUnit ?? remoteApp}): cause ${r.cause} was committed by ${by}`);
    }
    // Any hook may be the cause: scope entry writes the addresses in the remote unit's relation-created.
    if (r.type === 'hook' || r.type === 'exec') committedBy.set(r.seq, r.unit);
    // G11/G12: leadership moves only once the old leader is dead (after its remove, or
    // removed before it ever installed); then at most one leader-elected, on the new leader.
    if (r.type === 'event' && r.event === 'leader-changed' && r.app) {
      const old = leaderOf.get(r.app);
      if (old && !removedAt.has(old)) fail(`G12: ${r.app}'s leadership moved from ${old} to ${r.unit} before ${old} was dead`);
      leaderOf.set(r.app, r.unit);
      electedSince.set(r.app, 0);
    }
    if (r.type === 'hook' && r.result === 'ok' && r.kind === 'leader-elected') {
      const app = appOf(r.unit);
      if (leaderOf.get(app) !== r.unit) fail(`G11: ${r.unit} ran leader-elected but the leader is ${leaderOf.get(app)}`);
      const n = (electedSince.get(app) ?? 0) + 1;
      electedSince.set(app, n);
      if (n > 1) fail(`G11: more than one leader-elected in ${app} after one leader change`);
    }
    // G12: a dying leader is still the leader in every hook of its teardown (is-leader True).
    if (r.type === 'hook' && dying.has(r.unit) && wasLeaderWhenDying(r.unit) && leaderOf.get(appOf(r.unit)) !== r.unit) {
      fail(`G12: ${r.unit} (leader when it started dying) ran ${r.hook} while ${leaderOf.get(appOf(r.unit))} led`);
    }
    if (r.type === 'event' && r.event === 'unit-dying' && r.unit && leaderOf.get(appOf(r.unit)) === r.unit) dyingLeaders.add(r.unit);
    // G13: leader-settings-changed only once, at a follower's startup (before its start), never on a dying unit.
    if (r.type === 'hook' && r.result === 'ok' && r.kind === 'start') started.add(r.unit);
    if (r.type === 'hook' && r.kind === 'leader-settings-changed') {
      const tag = `${r.unit} leader-settings-changed (seq ${r.seq})`;
      if (dying.has(r.unit)) fail(`G13: ${tag} on a dying unit`);
      if (started.has(r.unit)) fail(`G13: ${tag} after its start: no leader-set ran, so only leadership could have moved`);
      if (r.result === 'ok' && settingsChanged.has(r.unit)) fail(`G13: ${tag} a second time`);
      if (leaderOf.get(appOf(r.unit)) === r.unit) fail(`G13: ${tag} on the leader`);
      if (r.result === 'ok') settingsChanged.add(r.unit);
    }
  });

  const byUnit = new Map<string, Array<{ rec: HookRecord; at: number }>>();
  for (const h of effectiveHooks(trace)) {
    const list = byUnit.get(h.rec.unit) ?? [];
    list.push(h);
    byUnit.set(h.rec.unit, list);
  }
  for (const [unit, hooks] of byUnit) {
    const app = unit.slice(0, unit.lastIndexOf('/'));
    const kinds = hooks.map((h) => h.rec.kind);
    // G1
    if (kinds[0] !== 'install') fail(`G1: ${unit} first hook is ${kinds[0]}`);
    if (kinds.filter((k) => k === 'install').length !== 1) fail(`G1: ${unit} installed ${kinds.filter((k) => k === 'install').length} times`);
    // G2
    const firstConfig = kinds.indexOf('config-changed');
    const firstStart = kinds.indexOf('start');
    if (firstStart >= 0) {
      if (firstConfig < 0 || firstConfig > firstStart) fail(`G2: ${unit} started before config-changed`);
      for (const k of kinds.slice(firstConfig + 1, firstStart)) {
        if (k !== 'relation-created' && k !== 'action' && !LEADERSHIP.has(k)) fail(`G2: ${unit} ran ${k} between config-changed and start`);
      }
    }
    // G3: relations that existed before the unit's config-changed/start/leadership are created first.
    const firstLeadership = kinds.findIndex((k) => LEADERSHIP.has(k));
    hooks.forEach((h, i) => {
      if (h.rec.kind !== 'relation-created' || h.rec.relationId === null) return;
      const added = relAddedAt.get(h.rec.relationId) ?? -1;
      for (const [name, idx] of [['config-changed', firstConfig], ['start', firstStart], ['leadership', firstLeadership]] as const) {
        if (idx >= 0 && i > idx && added < (hooks[idx] as { at: number }).at) fail(`G3: ${unit} ran ${h.rec.hook} after ${name} though the relation existed`);
      }
    });
    // G9
    const stop = kinds.indexOf('stop');
    const remove = kinds.indexOf('remove');
    if (remove >= 0 && remove !== kinds.length - 1) fail(`G9: ${unit} ran hooks after remove`);
    if (remove >= 0 && (stop < 0 || stop > remove)) fail(`G9: ${unit} removed without stop first`);
    if (stop >= 0 && kinds.slice(stop).some((k) => k.startsWith('relation-'))) fail(`G9: ${unit} ran relation hooks after stop`);
    checkRelations(unit, app, hooks.map((h) => h.rec), remove >= 0, fail);
  }
  return errors;
}

function checkRelations(unit: string, app: string, hooks: HookRecord[], removed: boolean, fail: (m: string) => void): void {
  const rels = new Map<number, RelState>();
  for (const h of hooks) {
    if (h.relationId === null) continue;
    let st = rels.get(h.relationId);
    if (!st) {
      st = { created: false, broken: false, joined: new Set(), departed: new Set(), pendingChanged: null };
      rels.set(h.relationId, st);
    }
    const tag = `${unit} ${h.hook}${h.remoteUnit ? `[${h.remoteUnit}]` : ''} (seq ${h.seq})`;
    if (st.broken) fail(`G4/G8: ${tag} after relation-broken`);
    // relation-broken may come without relation-created (see the note at the top).
    if (!st.created && h.kind !== 'relation-created' && !(h.kind === 'relation-broken' && st.joined.size === 0)) fail(`G4: ${tag} before relation-created`);
    // G5: a joined's changed is the next hook of that relation.
    if (st.pendingChanged !== null && !(h.kind === 'relation-changed' && h.remoteUnit === st.pendingChanged)) {
      fail(`G5: ${tag} ran between joined and changed of ${st.pendingChanged}`);
    }
    st.pendingChanged = null;
    const x = h.remoteUnit;
    if (x && st.departed.has(x)) fail(`G7: ${tag} after ${x} departed`);
    switch (h.kind) {
      case 'relation-created':
        if (st.created) fail(`G4: ${tag} twice`);
        st.created = true;
        break;
      case 'relation-joined':
        if (!x || st.joined.has(x)) fail(`G6: ${tag} joined twice`);
        if (x) st.joined.add(x);
        st.pendingChanged = x;
        break;
      case 'relation-changed':
        if (x && !st.joined.has(x)) fail(`G6: ${tag} changed before joined`);
        break;
      case 'relation-departed':
        if (!x || !st.joined.has(x)) fail(`G6: ${tag} departed without joining`);
        if (x) st.departed.add(x);
        break;
      case 'relation-broken':
        if (h.remoteApp === app) fail(`G8: ${tag}: a peer relation was broken`);
        if (st.joined.size !== st.departed.size) fail(`G8: ${tag} before every known unit departed`);
        st.broken = true;
        break;
      default:
        break;
    }
  }
  if (removed) {
    for (const [id, st] of rels) if (st.joined.size !== st.departed.size) fail(`G6: ${unit} removed with joins ≠ departs in relation ${id}`);
  }
}

/**
 * State checks at idle: every unit that is not in error has seen the latest data
 * of every unit and application it can see (G10), and the leader knows it (G11).
 */
export function checkIdleState(state: SimState): string[] {
  const errors: string[] = [];
  for (const unit of state.units.values()) {
    // A unit with work that the scheduler never offered means a missed readiness update.
    const pending = candidates(state, unit.name);
    if (pending.length > 0) errors.push(`idle, but ${unit.name} still has ${pending[0]?.kind} to run`);
    if (unit.agent.failed) continue;
    for (const local of unit.agent.relations.values()) {
      if (local.silent || local.tearDown) continue;
      const rel = state.relations.get(local.relationId);
      if (!rel) continue;
      for (const other of rel.scope.keys()) {
        if (!visibleTo(unit, other, rel)) continue;
        const seen = local.members.get(other);
        const version = rel.unitBags.get(other)?.version ?? 0;
        if (seen === undefined) errors.push(`G6/G10: ${unit.name} never joined ${other} in relation ${rel.id}`);
        else if (seen !== version) errors.push(`G10: ${unit.name} saw version ${seen} of ${other}, current ${version}`);
      }
      const appVersion = rel.appBags.get(counterpartApp(rel, unit.app))?.version ?? 0;
      if (local.appVersion !== appVersion) errors.push(`G10: ${unit.name} saw app version ${local.appVersion}, current ${appVersion}`);
    }
  }
  for (const app of state.apps.values()) {
    const leader = app.leader ? state.units.get(app.leader) : undefined;
    if (leader && leader.life === 'alive' && leader.agent.installed && !leader.agent.failed && !leader.agent.leader) {
      errors.push(`G11: ${leader.name} is leader but never ran leader-elected`);
    }
    const knowing = app.units.filter((u) => state.units.get(u)?.agent.leader);
    if (knowing.length > 1) errors.push(`G11: ${knowing.join(', ')} all believe they lead ${app.name}`);
  }
  return errors;
}
