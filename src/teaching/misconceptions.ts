/**
 * Where the docs mislead (JUJU-SEMANTICS §13): for each, what the docs say, what Juju
 * actually does, a script that builds a model and makes the revealing change, and a
 * pure `focus` that finds, in the trace that script produces, the hooks that show the
 * truth. The UI plays exactly those hooks; test/teaching/misconceptions.test.ts runs
 * every script through the engine and checks that they prove the point, so the panel
 * never teaches something the simulation does not show.
 *
 * Scripts pin with `step --unit` only the choices Juju leaves open (which unit runs
 * next); everything else follows from Juju's rules, whatever the seed.
 */
import type { HookKind } from '../engine/ops.ts';
import type { HookRecord, TraceRecord, TraceList } from '../engine/trace.ts';
import { parseScript } from '../io/script.ts';

import { MisconceptionIds, WhatIfIds, type MisconceptionId } from './misconceptionIds.ts';

export { MisconceptionIds, WhatIfIds, type MisconceptionId };

export interface Source {
  readonly label: string;
  readonly url: string;
}

/** What to select when the scenario is shown, so the right databag and lane are in view (the store's Selection). */
export type FocusTarget =
  | { readonly kind: 'unit'; readonly name: string }
  | { readonly kind: 'app'; readonly name: string }
  | { readonly kind: 'relation'; readonly id: number };

/** The records of a trace that show the truth (indices into the trace). */
export interface Reveal {
  /** Where playback starts: the command that makes the change, or the first revealing hook. */
  readonly from: number;
  /** The hooks that show the truth, in trace order. */
  readonly hooks: readonly number[];
  /** The most telling of them: the one the hook inspector shows at the end. */
  readonly key: number;
}

export interface Misconception {
  readonly id: MisconceptionId;
  /** Its number in JUJU-SEMANTICS §13 (a "what happens if…": its number among those). */
  readonly number: number;
  /** A "what happens if…" on a real model, rather than a place where the docs mislead. */
  readonly whatIf?: boolean;
  /** Short, plain words: who says what. */
  readonly title: string;
  /** What the docs say. */
  readonly claim: string;
  /** `claim` is the docs' own words (shown in quotes) rather than a summary of them. */
  readonly quoted: boolean;
  /** What Juju actually does, in one line (the banner shows it while the scenario plays). */
  readonly truth: string;
  /** Where to look on screen while it plays. */
  readonly watch: string;
  readonly sources: readonly Source[];
  /** A relviz script: builds the model, then performs the revealing change. */
  readonly script: string;
  readonly select: FocusTarget;
  /** Finds the revealing hooks in the trace the script produced; null if they are not there. */
  readonly focus: (trace: TraceList) => Reveal | null;
}

// ---- finding records in a trace ----

const isHook = (r: TraceRecord | undefined): r is HookRecord => r?.type === 'hook';

/** Index of the first command record with exactly this text at or after `from`; -1 if none. */
export function commandIndex(trace: TraceList, text: string, from = 0): number {
  for (let i = from; i < trace.length; i++) {
    const r = trace.at(i);
    if (r?.type === 'command' && r.command === text) return i;
  }
  return -1;
}

/** Indices of the hook records in [from, to) that match. */
export function hookIndices(trace: TraceList, match: (h: HookRecord) => boolean, from = 0, to = trace.length): number[] {
  const out: number[] = [];
  for (let i = Math.max(0, from); i < Math.min(to, trace.length); i++) {
    const r = trace.at(i);
    if (isHook(r) && match(r)) out.push(i);
  }
  return out;
}

const firstOf = (xs: readonly number[]): number | null => xs[0] ?? null;
const kindIs =
  (unit: string, ...kinds: HookKind[]) =>
  (h: HookRecord): boolean =>
    h.unit === unit && kinds.includes(h.kind);

/** A reveal from a start index and the hooks found (null when none were found or the key is missing). */
function reveal(from: number, hooks: readonly number[], key: number | null): Reveal | null {
  if (from < 0 || hooks.length === 0 || key === null) return null;
  return { from, hooks: [...hooks].sort((a, b) => a - b), key };
}

/** Master and two workers, related: the masterworker tutorial's model. */
const MASTERWORKER = ['juju deploy master', 'juju deploy worker -n 2', 'juju relate master worker'].join('\n');

// ---- 1. stop before broken ----

const REMOVE_WORKER_1 = 'juju remove-unit worker/1';

const stopBeforeBroken: Misconception = {
  id: 'stop-before-broken',
  number: 1,
  title: 'Docs: stop runs before relation-broken',
  claim: 'When a unit is removed it stops first; its relations are departed and broken afterwards, and then it is removed.',
  quoted: false,
  truth: 'The unit being removed runs relation-departed, then relation-broken — and only then stop and remove.',
  watch:
    "Watch worker/1's lane: master-relation-departed, master-relation-broken, stop, remove, in that order. Juju does not run stop while a relation is left to break.",
  sources: [
    { label: 'canonical/operator#708 (a real trace)', url: 'https://github.com/canonical/operator/issues/708' },
    { label: 'Juju: internal/charm/hooks/hooks.go', url: 'https://github.com/juju/juju/blob/main/internal/charm/hooks/hooks.go' },
  ],
  script: `${MASTERWORKER}\n${REMOVE_WORKER_1}\n`,
  select: { kind: 'unit', name: 'worker/1' },
  focus(trace) {
    const from = commandIndex(trace, REMOVE_WORKER_1);
    if (from < 0) return null;
    const hooks = hookIndices(trace, (h) => h.unit === 'worker/1', from);
    return reveal(from, hooks, firstOf(hookIndices(trace, kindIs('worker/1', 'stop'), from)));
  },
};

// ---- 2. the leader's own peer app-bag write ----

const leaderOwnPeerWrite: Misconception = {
  id: 'leader-own-peer-write',
  number: 2,
  title: 'Docs: the leader gets no relation-changed for its own peer data',
  claim:
    'Units only receive relation-changed events for other units’ changes. This can matter in a peer relation, where the application leader will not receive a relation-changed event for the changes that it writes to the peer relation’s application data bag.',
  quoted: true,
  truth: "When the leader writes its peer relation's application databag, every unit gets relation-changed — the leader too.",
  watch:
    'One unit, nobody else to write: postgresql/0 writes primary into the peer application databag in leader-elected, then runs replicas-relation-changed for that very write (no remote unit).',
  sources: [
    { label: 'juju/juju#20178', url: 'https://github.com/juju/juju/issues/20178' },
    { label: 'Juju docs: relation-changed', url: 'https://documentation.ubuntu.com/juju/3.6/reference/hook/#endpoint-relation-changed' },
  ],
  script: 'juju deploy postgresql\n',
  select: { kind: 'relation', id: 0 },
  focus(trace) {
    // The leader's commit to its own application's databag…
    const write = firstOf(hookIndices(trace, (h) => ownAppWrite(h) !== null));
    if (write === null) return null;
    const w = trace.at(write) as HookRecord;
    const app = appOf(w.unit);
    const bag = ownAppWrite(w);
    // …and the application-level relation-changed it gets for it, in the peer relation (its remote app is its own).
    const changed = firstOf(
      hookIndices(trace, (h) => h.unit === w.unit && h.kind === 'relation-changed' && h.relationId === bag && h.remoteUnit === null && h.remoteApp === app, write + 1),
    );
    if (changed === null) return null;
    return reveal(write, [write, changed], changed);
  },
};

const appOf = (unit: string): string => unit.slice(0, unit.indexOf('/'));

/** The relation id whose application databag this hook wrote for its own application, if any (only a leader can). */
function ownAppWrite(h: HookRecord): number | null {
  const app = appOf(h.unit);
  return h.changes.find((c) => c.scope === 'app' && c.owner === app)?.relationId ?? null;
}

// ---- 3. joined before start ----

const ADD_POSTGRESQL = 'juju add-unit postgresql';

const joinedAfterStart: Misconception = {
  id: 'joined-after-start',
  number: 3,
  title: 'Docs: a unit joins its relations only after it has started',
  claim: 'A unit takes part in its relations once it has started: relation-created runs before start, relation-joined after it.',
  quoted: false,
  truth: 'A new unit enters the scope of all its relations right after install: the other units run relation-joined for it before its start hook.',
  watch:
    'postgresql/2 installs, and in that moment enters the scope of its peer relation; it runs replicas-relation-created. postgresql/0 runs replicas-relation-joined for it straight away, while the start of postgresql/2 is still ahead (dashed, in its lane).',
  sources: [
    { label: 'ops: charm.py (event docstrings)', url: 'https://github.com/canonical/operator/blob/main/ops/charm.py' },
    { label: 'Juju: uniter relation resolver', url: 'https://github.com/juju/juju/blob/main/internal/worker/uniter/relation/resolver.go' },
  ],
  script: [
    'juju deploy postgresql -n 2',
    `${ADD_POSTGRESQL} &`,
    '# Juju leaves open which unit runs next; pin the order that makes the point.',
    'step --unit postgresql/2',
    'step --unit postgresql/2',
    'step --unit postgresql/0',
    'wait',
    '',
  ].join('\n'),
  select: { kind: 'unit', name: 'postgresql/2' },
  focus(trace) {
    const from = commandIndex(trace, ADD_POSTGRESQL);
    if (from < 0) return null;
    const fresh = 'postgresql/2';
    const joined = firstOf(hookIndices(trace, (h) => h.kind === 'relation-joined' && h.remoteUnit === fresh && h.unit !== fresh, from));
    if (joined === null) return null;
    // The new unit's hooks so far, then the first time another unit sees it join: playback
    // stops there, with the new unit's start still ahead (drawn as a future hook).
    const own = hookIndices(trace, (h) => h.unit === fresh, from, joined);
    return reveal(from, [...own, joined], joined);
  },
};

// ---- 4. the departing unit's own departed hooks ----

const REMOVE_MASTER = 'juju remove-unit master/0';

const departingUnitDeparted: Misconception = {
  id: 'departing-unit-departed',
  number: 4,
  title: 'Docs: the unit being removed runs no relation-departed',
  claim:
    'The remove-unit tables list relation-departed only on the units that stay; for the unit being removed they list relation-broken, stop and remove.',
  quoted: false,
  truth: 'The unit being removed runs relation-departed itself, once for every unit it knew, before relation-broken.',
  watch:
    "Watch master/0: master-application-relation-departed for worker/0, then for worker/1 — each with JUJU_DEPARTING_UNIT=master/0, itself — deleting that worker's key from its databag; then broken, stop, remove.",
  sources: [
    { label: 'Juju: uniter relation resolver', url: 'https://github.com/juju/juju/blob/main/internal/worker/uniter/relation/resolver.go' },
    { label: 'Juju docs: relation-departed', url: 'https://documentation.ubuntu.com/juju/3.6/reference/hook/#endpoint-relation-departed' },
  ],
  script: `${MASTERWORKER}\n${REMOVE_MASTER}\n`,
  select: { kind: 'unit', name: 'master/0' },
  focus(trace) {
    const from = commandIndex(trace, REMOVE_MASTER);
    if (from < 0) return null;
    const hooks = hookIndices(trace, (h) => h.unit === 'master/0', from);
    return reveal(from, hooks, firstOf(hookIndices(trace, kindIs('master/0', 'relation-departed'), from)));
  },
};

// ---- 5. the tutorial: broken only after the last worker leaves ----

const REMOVE_WORKERS = 'juju remove-unit worker/0 worker/1';
const REMOVE_RELATION = 'juju remove-relation master worker';

const brokenAfterLastWorker: Misconception = {
  id: 'broken-after-last-worker',
  number: 5,
  title: "Tutorial: the master's relation-broken waits for the last worker",
  claim:
    'If the relation-broken is being executed, you can be sure that no remote units are currently known locally. So, on the master, this hook is not ran until there are no more workers.',
  quoted: true,
  truth: 'Removing every worker runs only relation-departed on the master; its relation-broken comes when the relation itself is removed.',
  watch:
    'After juju remove-unit worker/0 worker/1 the master runs two departed hooks and no broken, although no worker is left. Its broken runs only after juju remove-relation.',
  sources: [
    { label: 'The masterworker tutorial (erik78se/masterworker)', url: 'https://github.com/erik78se/masterworker' },
    { label: 'Juju docs: relation-broken', url: 'https://documentation.ubuntu.com/juju/3.6/reference/hook/#endpoint-relation-broken' },
  ],
  script: `${MASTERWORKER}\n${REMOVE_WORKERS}\n${REMOVE_RELATION}\n`,
  select: { kind: 'unit', name: 'master/0' },
  focus(trace) {
    const from = commandIndex(trace, REMOVE_WORKERS);
    const removal = commandIndex(trace, REMOVE_RELATION, Math.max(from, 0));
    if (from < 0 || removal < 0) return null;
    const master = hookIndices(trace, kindIs('master/0', 'relation-departed', 'relation-broken'), from);
    return reveal(from, master, firstOf(hookIndices(trace, kindIs('master/0', 'relation-broken'), removal)));
  },
};

// ---- 6. app-level changed before joined ----

const INTEGRATE_DB = 'juju integrate webapp postgresql';

const changedBeforeJoined: Misconception = {
  id: 'changed-before-joined',
  number: 6,
  title: 'Docs: relation-joined always comes before relation-changed',
  claim:
    'This event always fires once, after RelationJoinedEvent, and will subsequently fire whenever that remote unit changes its data for the relation.',
  quoted: true,
  truth: 'If the remote leader has already written its application data, relation-changed (for the application) can come before any relation-joined.',
  watch:
    "postgresql's leader writes credentials into its application databag in relation-created. webapp/0 then runs db-relation-changed for the application before db-relation-joined for postgresql/0.",
  sources: [
    { label: 'ops: RelationChangedEvent (charm.py)', url: 'https://github.com/canonical/operator/blob/main/ops/charm.py' },
    { label: 'canonical/operator#175 (seen in the wild)', url: 'https://github.com/canonical/operator/issues/175' },
  ],
  script: [
    'juju deploy postgresql',
    'juju deploy webapp',
    `${INTEGRATE_DB} &`,
    '# Juju leaves open which unit runs next; pin the order that makes the point.',
    'step --unit postgresql/0',
    'step --unit webapp/0',
    'step --unit webapp/0',
    'wait',
    '',
  ].join('\n'),
  select: { kind: 'relation', id: 1 },
  focus(trace) {
    const from = commandIndex(trace, INTEGRATE_DB);
    if (from < 0) return null;
    const rel = (trace.slice(from).find((r) => isHook(r) && r.unit === 'webapp/0' && r.kind === 'relation-created') as HookRecord | undefined)?.relationId;
    if (rel === undefined || rel === null) return null;
    const onRel = (unit: string, kind: HookKind) => (h: HookRecord) => h.unit === unit && h.kind === kind && h.relationId === rel;
    const write = firstOf(hookIndices(trace, onRel('postgresql/0', 'relation-created'), from));
    const created = firstOf(hookIndices(trace, onRel('webapp/0', 'relation-created'), from));
    const appChanged = firstOf(hookIndices(trace, (h) => onRel('webapp/0', 'relation-changed')(h) && h.remoteUnit === null, from));
    const joined = firstOf(hookIndices(trace, onRel('webapp/0', 'relation-joined'), from));
    if (write === null || created === null || appChanged === null || joined === null) return null;
    return reveal(from, [write, created, appChanged, joined], appChanged);
  },
};

// ---- 7. another unit takes over at once when the leader is removed ----

const REMOVE_LEADER = 'juju remove-unit postgresql/0';

const leaderTakesOverAtOnce: Misconception = {
  id: 'leader-takes-over-at-once',
  number: 7,
  title: 'Folklore: when the leader is removed, another unit takes over at once',
  claim: 'Removing the leader hands leadership to another unit straight away: the dying unit is no longer leader in its own teardown hooks, and the others are told with leader-settings-changed.',
  quoted: false,
  truth: 'A dying leader leads through its whole teardown (is-leader stays True); the next is elected only once it is dead, and nobody gets leader-settings-changed.',
  watch:
    "The ★ stays on postgresql/0 while it runs replicas-relation-departed for each peer, stop and remove: it could still read and write its application databag. Only after its remove does postgresql/1 run leader-elected (and write primary=postgresql/1); postgresql/2 runs no leadership hook at all.",
  sources: [
    { label: 'juju/juju#11593 (lease revoked when the unit is dead)', url: 'https://github.com/juju/juju/pull/11593' },
    { label: 'juju/juju#20924 (a dying postgresql leader lost leadership too early)', url: 'https://github.com/juju/juju/pull/20924' },
    { label: 'juju/juju#13834 (no leader-settings-changed on a dying unit)', url: 'https://github.com/juju/juju/pull/13834' },
  ],
  script: `juju deploy postgresql -n 3\n${REMOVE_LEADER}\n`,
  select: { kind: 'relation', id: 0 },
  focus(trace) {
    const from = commandIndex(trace, REMOVE_LEADER);
    if (from < 0) return null;
    const removed = firstOf(hookIndices(trace, kindIs('postgresql/0', 'remove'), from));
    const elected = firstOf(hookIndices(trace, (h) => h.kind === 'leader-elected' && appOf(h.unit) === 'postgresql', from));
    if (removed === null || elected === null || elected < removed) return null;
    // The old leader's whole teardown, then the one leader-elected that follows its death.
    return reveal(from, [...hookIndices(trace, (h) => h.unit === 'postgresql/0', from, removed + 1), elected], elected);
  },
};

/** The seven, in JUJU-SEMANTICS §13 order. */
export const MISCONCEPTIONS: readonly Misconception[] = [
  stopBeforeBroken,
  leaderOwnPeerWrite,
  joinedAfterStart,
  departingUnitDeparted,
  brokenAfterLastWorker,
  changedBeforeJoined,
  leaderTakesOverAtOnce,
];

// ---- what happens if… one unit of a COS Lite application is removed ----

/** COS Lite, the real bundle (examples/bundles/), with a second prometheus unit. */
const COS_LITE = ['juju deploy ./examples/bundles/cos-lite/bundle.yaml', 'juju add-unit prometheus'].join('\n');
const REMOVE_PROMETHEUS_1 = 'juju remove-unit prometheus/1';

const cosLiteRemoveUnit: Misconception = {
  id: 'cos-lite-remove-unit',
  number: 1,
  whatIf: true,
  title: 'What happens if… one prometheus unit of COS Lite is removed?',
  claim: 'Removing a unit concerns that unit: its sibling and the applications it serves carry on without a hook.',
  quoted: false,
  truth: 'Every unit that knew prometheus/1 runs relation-departed for it — prometheus/0 (its peer) and a unit of each related application — while prometheus/1 departs them all and breaks each relation before stop and remove.',
  watch:
    'Watch the swimlanes after juju remove-unit prometheus/1: departed hooks naming prometheus/1 on prometheus/0, alertmanager/0, grafana/0, catalogue/0, loki/0 and traefik/0; prometheus/1 runs a departed for every unit it knew, then relation-broken once per relation, then stop and remove.',
  sources: [
    { label: 'The COS Lite bundle (canonical/cos-lite-bundle)', url: 'https://github.com/canonical/cos-lite-bundle' },
    { label: 'Juju docs: relation-departed', url: 'https://documentation.ubuntu.com/juju/3.6/reference/hook/#endpoint-relation-departed' },
  ],
  script: `${COS_LITE}\n${REMOVE_PROMETHEUS_1}\n`,
  select: { kind: 'unit', name: 'prometheus/1' },
  focus(trace) {
    const from = commandIndex(trace, REMOVE_PROMETHEUS_1);
    if (from < 0) return null;
    const others = hookIndices(trace, (h) => h.kind === 'relation-departed' && h.remoteUnit === 'prometheus/1' && h.unit !== 'prometheus/1', from);
    const own = hookIndices(trace, kindIs('prometheus/1', 'relation-departed', 'relation-broken', 'stop', 'remove'), from);
    return reveal(from, [...others, ...own], firstOf(others.filter((i) => (trace.at(i) as HookRecord).unit !== 'prometheus/0')));
  },
};

/** The "what happens if…" scenarios, shown after the seven. */
export const WHAT_IFS: readonly Misconception[] = [cosLiteRemoveUnit];

export function misconception(id: MisconceptionId): Misconception {
  const m = MISCONCEPTIONS.find((x) => x.id === id) ?? WHAT_IFS.find((x) => x.id === id);
  if (!m) throw new Error(`no misconception "${id}"`);
  return m;
}

/** How to play a reveal: seek to `start`, play, pause at `end`, then inspect the hook `inspectSeq` (if any). */
export interface PlaybackPlan {
  /** The tick to seek to: the state just before the first record to play. */
  readonly start: number;
  /** The tick to stop at: just after the last revealing hook. */
  readonly end: number;
  /** seq of the key hook for the hook inspector; null when it is the last one (the inspector follows the cursor there). */
  readonly inspectSeq: number | null;
}

/** Turns a reveal into ticks, given the timeline's record → tick mapping. */
export function playbackPlan(r: Reveal, trace: TraceList, tickOfRecord: (index: number) => number): PlaybackPlan | null {
  const last = r.hooks[r.hooks.length - 1];
  const key = trace.at(r.key);
  if (last === undefined || !isHook(key)) return null;
  return { start: tickOfRecord(r.from), end: tickOfRecord(last) + 1, inspectSeq: r.key === last ? null : key.seq };
}

const texts = new Map<MisconceptionId, readonly string[]>();

/** The scenario's commands as the session records them (comments and ` &` removed). */
export function scenarioTexts(m: Misconception): readonly string[] {
  let t = texts.get(m.id);
  if (!t) {
    t = parseScript(m.script).map((l) => l.text);
    texts.set(m.id, t);
  }
  return t;
}

/**
 * Whether the session's inputs (command texts, in order) still begin with the
 * scenario's script: the banner stays while what is on screen is still its model.
 */
export function showsScenario(inputTexts: readonly string[], scenarioTexts: readonly string[]): boolean {
  return scenarioTexts.length > 0 && inputTexts.length >= scenarioTexts.length && scenarioTexts.every((t, i) => inputTexts[i] === t);
}
