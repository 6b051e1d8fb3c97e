/**
 * Share-link sizes (see bench/README.md): builds realistic sessions of 50, 100, 200
 * and 400 commands in the store, as a teacher would click and type them (deploys,
 * some of pasted metadata, add-unit, integrate, remove-unit, remove-relation, exec,
 * actions, apps dragged around), and prints each one's link length and how long
 * encoding, decoding and rebuilding the session take; then the link length of each
 * shipped tutorial carried whole as a document (`#tutorial-doc=`). Reported, not asserted.
 * Usage: npm run --silent bench:share [-- --json]
 */
import { installReaders } from '../src/engine/readersImpl.ts';
import { performance } from 'node:perf_hooks';
import { fingerprint } from '../src/engine/clone.ts';
import type { Command } from '../src/engine/commands.ts';
import { decodeShare, decodeTutorialText, encodeShare, shareUrl, tutorialLink } from '../src/share/link.ts';
import { TUTORIAL_DOCUMENTS } from '../src/teaching/tutorials/index.ts';
import type { SessionV1 } from '../src/store/session.ts';
import { createRelvizStore, type RelvizStore } from '../src/store/store.ts';

// The engine runs here in Node, as in the CLI: with its YAML readers (src/engine/readers.ts).
installReaders();

const JSON_OUT = process.argv.includes('--json');
/** Commands per session, and how many of the deploys paste metadata (each a different charm). */
const SESSIONS: ReadonlyArray<{ readonly commands: number; readonly pasted: number }> = [
  { commands: 50, pasted: 0.125 },
  { commands: 100, pasted: 0.125 },
  { commands: 200, pasted: 0.125 },
  { commands: 400, pasted: 0.125 },
  // A worst case: half the deploys are charms pasted by hand.
  { commands: 200, pasted: 0.5 },
];
/** Where relviz is served in development: the link's fixed prefix. */
const PAGE = { origin: 'http://localhost:5173', pathname: '/', search: '' };

/** mulberry32: a fixed-seed PRNG, so every run builds the same sessions. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pasted metadata, as from the deploy dialog: a charm with no behaviour, endpoints varied by name. */
function pastedMetadata(name: string): string {
  return `name: ${name}
summary: A charm with no behaviour, to study hook order.
provides:
  report:
    interface: exchange
requires:
  db:
    interface: postgresql
    limit: 1
peers:
  cluster:
    interface: ${name}-peers
`;
}

/** Integrations that work between the built-in charms (by charm), and with the pasted ones. */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['master', 'worker'],
  ['postgresql', 'webapp:db'],
  ['smtp-server', 'webapp:smtp'],
  ['pasted', 'postgresql'],
  ['pasted:report', 'worker'],
];

function buildSession(commands: number, seed: number, pastedShare: number): RelvizStore {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rand() * xs.length)];
  const store = createRelvizStore({ seed });
  /** app name → charm name ('pasted' for pasted metadata). */
  const apps = new Map<string, string>();
  let serial = 0;
  const line = (text: string) => store.getState().runLine(text);
  const state = () => store.getState().timeline.state;
  const deploy = () => {
    const charm = rand() < pastedShare ? 'pasted' : (pick(['master', 'worker', 'worker', 'postgresql', 'webapp', 'smtp-server', 'ubuntu']) as string);
    const app = `${charm === 'pasted' ? 'reporter' : charm}-${serial++}`;
    const units = 1 + Math.floor(rand() * 3);
    if (charm === 'pasted') {
      // As DeployDialog does: a command whose text alone cannot rebuild it.
      const command: Command = { type: 'deploy', charm: { kind: 'files', path: './pasted', files: { 'metadata.yaml': pastedMetadata(app) } }, app, units };
      store.getState().apply(command);
    } else line(`juju deploy ${charm} ${app} -n ${units}`);
    apps.set(app, charm);
    store.getState().setPosition(app, { x: rand() * 1200, y: rand() * 700 });
  };
  const ofCharm = (ref: string) => {
    const [charm, endpoint] = ref.split(':');
    const app = pick([...apps].filter(([a, c]) => c === charm && state().apps.has(a)).map(([a]) => a));
    return app === undefined ? undefined : endpoint ? `${app}:${endpoint}` : app;
  };
  while (store.getState().inputs.length < commands) {
    const units = [...state().units.keys()];
    const relations = [...state().relations.values()].filter((r) => !r.peer);
    const r = rand();
    if (apps.size < 3 || r < 0.15) deploy();
    else if (r < 0.27) {
      const app = pick([...state().apps.keys()]);
      if (app) line(`juju add-unit ${app}${rand() < 0.5 ? ' -n 2' : ''}`);
    } else if (r < 0.45) {
      const [a, b] = pick(PAIRS) as readonly [string, string];
      const x = ofCharm(a);
      const y = ofCharm(b);
      if (x && y) line(`juju integrate ${x} ${y}`);
    } else if (r < 0.57) {
      const unit = pick(units);
      if (unit) line(`juju remove-unit ${unit}`);
    } else if (r < 0.65) {
      const rel = pick(relations);
      const [x, y] = rel?.endpoints ?? [];
      if (x && y) line(`juju remove-relation ${x.app}:${x.endpoint} ${y.app}:${y.endpoint}`);
    } else if (r < 0.8) {
      const unit = pick(units);
      const rel = pick(relations);
      if (unit && rel) line(pick([`juju exec --unit ${unit} -- relation-ids ${rel.endpoints[0]?.endpoint ?? ''}`, `juju exec --unit ${unit} -- relation-list -r ${rel.id}`, `juju exec --unit ${unit} -- is-leader`]) as string);
    } else if (r < 0.88) {
      const master = pick(units.filter((u) => apps.get(u.split('/')[0] as string) === 'master'));
      if (master) line(`juju run ${master} broadcast-message message="hello class ${serial}"`);
    } else if (r < 0.93) {
      const app = pick([...state().apps.keys()]);
      if (app && state().apps.size > 6) line(`juju remove-application ${app}`);
    } else if (r < 0.97) {
      // The teacher drags an application somewhere else.
      const app = pick([...state().apps.keys()]);
      if (app) store.getState().setPosition(app, { x: rand() * 1200, y: rand() * 700 });
    } else {
      // Steps back a little and acts there (a fork).
      store.getState().seek(Math.max(0, store.getState().cursor - Math.floor(rand() * 5)));
      const unit = pick(units);
      if (unit) line(`juju exec --unit ${unit} -- juju-log hello`);
    }
  }
  store.getState().seek(Math.floor(store.getState().length * 0.9));
  return store;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time(f: () => void, runs: number): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

interface Row {
  commands: number;
  pastedDeploys: number;
  hooks: number;
  jsonBytes: number;
  urlBytes: number;
  encodeMs: number;
  decodeMs: number;
  rebuildMs: number;
}

const rows: Row[] = [];
for (const { commands: n, pasted } of SESSIONS) {
  process.stderr.write(`building a ${n}-command session…\n`);
  const store = buildSession(n, n, pasted);
  const session: SessionV1 = store.getState().exportSession();
  const value = encodeShare(session);
  const url = shareUrl(PAGE, value);
  const decoded = decodeShare(value);
  let rebuilt = createRelvizStore({ session: decoded.session });
  if (fingerprint(rebuilt.getState().timeline.state) !== fingerprint(store.getState().timeline.state)) throw new Error(`${n}: the link does not rebuild the session`);
  rows.push({
    commands: n,
    pastedDeploys: session.inputs.filter((i) => i.command.type === 'deploy' && i.command.charm.kind === 'files').length,
    hooks: [...store.getState().timeline.fullTrace].filter((r) => r.type === 'hook').length,
    jsonBytes: JSON.stringify(session).length,
    urlBytes: new TextEncoder().encode(url).length,
    encodeMs: time(() => encodeShare(session), 20),
    decodeMs: time(() => decodeShare(value), 20),
    rebuildMs: time(() => (rebuilt = createRelvizStore({ session: decoded.session })), 3),
  });
}

/** The five shipped tutorials as documents, each carried whole by its link (`#tutorial-doc=`), read back byte for byte. */
const tutorialLinks = [...TUTORIAL_DOCUMENTS].map(([id, text]) => {
  const url = tutorialLink(PAGE, { text });
  if (decodeTutorialText(url.slice(url.indexOf('=') + 1)) !== text) throw new Error(`${id}: the link does not carry the document`);
  return { id, documentBytes: new TextEncoder().encode(text).length, urlBytes: new TextEncoder().encode(url).length };
});

if (JSON_OUT) process.stdout.write(`${JSON.stringify({ page: shareUrl(PAGE, ''), rows, tutorialLinks })}\n`);
else {
  const fmt = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
  console.log(`Share links (prefix ${shareUrl(PAGE, '')}; median of 20 encodes/decodes, 3 rebuilds)\n`);
  console.log('commands  pasted  hooks   session JSON  URL bytes  encode ms  decode ms  rebuild ms');
  for (const r of rows) {
    console.log(
      `${String(r.commands).padStart(8)}  ${String(r.pastedDeploys).padStart(6)}  ${String(r.hooks).padStart(6)}  ${String(r.jsonBytes).padStart(12)}  ${String(r.urlBytes).padStart(9)}  ${fmt(r.encodeMs).padStart(9)}  ${fmt(r.decodeMs).padStart(9)}  ${fmt(r.rebuildMs).padStart(10)}`,
    );
  }
}
if (!JSON_OUT) {
  console.log(`\nTutorial links carrying the whole document (${tutorialLink(PAGE, { text: '' }).replace(/1\.\w*$/, '')}1.<data>)\n`);
  console.log('tutorial              document bytes  URL bytes');
  for (const t of tutorialLinks) console.log(`${t.id.padEnd(20)}  ${String(t.documentBytes).padStart(14)}  ${String(t.urlBytes).padStart(9)}`);
}
