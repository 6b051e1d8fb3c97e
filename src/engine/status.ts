/**
 * A running model read from `juju status --format=json|yaml` (and, when the user gives
 * them, `juju show-unit <unit> --format=json|yaml`) as a bundle description (issue 10,
 * "Start from a running model"): the same applications, the units with their own numbers
 * (never renumbered), leaders, subordinates on their principals, and the relations.
 *
 * What the formats say, from Juju's status formatter (cmd/juju/status/formatter.go,
 * formatted.go) and the fixtures in shared/fixtures:
 *
 * - `applications.<app>.relations` maps each endpoint of the application to the
 *   applications on the other side of its relations. Before Juju 3.1.3 each is a name;
 *   from 3.1.3 an object `{related-application, interface, scope}`. Either way the
 *   server lists each other application once per endpoint (a set, sorted), and the
 *   **other side's endpoint is never given**: a relation is found by pairing `a:x`
 *   listing `b` with `b:y` listing `a`. Where several endpoints of `a` and `b` face each
 *   other and interfaces do not tell them apart, the pairing is ambiguous and the
 *   unknown side is left null with a note. A peer relation lists the application itself.
 * - Remote (cross-model) applications are `application-endpoints` (`remote-applications`
 *   is accepted too); their `relations` keep the name-list shape, their `endpoints` give
 *   each endpoint's interface. `offers` are this model's offers.
 * - Units are `applications.<app>.units.<app/N>` with `leader`, `machine` (absent on
 *   Kubernetes); subordinate units are under their principal unit's `subordinates`, and
 *   a subordinate application has `subordinate-to` and no `units` of its own.
 * - Anything whose status could not be read is `{status-error: "…"}` only.
 *
 * `juju show-unit` gives, per relation of the unit (`relation-info`): its own
 * `endpoint`, the other side's `related-endpoint` (what status lacks), the other
 * application's databag as `application-data`, each in-scope remote unit's databag under
 * `related-units`, and (newer Juju) the unit's own bag as `local-unit`. That
 * `application-data` is the **remote** application's bag, not the unit's own, is what
 * Juju's show-unit API does (the unit reads the other side's settings) and what the
 * fixtures show: kafka/0's `zookeeper` relation carries zookeeper's `uris` and
 * `password`, zookeeper/0's view of the same relation carries kafka's `chroot`; for a
 * peer relation the remote application is the unit's own.
 *
 * Pure: no Node built-ins and no DOM (the app and the CLI both call it). The result is
 * expressed in the bundle types, so the bundle machinery deploys it.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { BundleError, MAX_APPLICATIONS, MAX_RELATIONS, charmRef, formatRelation, type Bundle, type BundleApplication, type BundleEndpointRef, type BundleProblem, type BundleRelation, type Where } from './bundle.ts';
import { APP_NAME } from './model.ts';

export interface StatusUnit {
  /** As status names it: `postgresql/3`. */
  readonly name: string;
  /** The unit's own number (3), never renumbered. */
  readonly number: number;
  readonly leader: boolean;
  /** `0`, `0/lxd/1`; a subordinate's is its principal's; null on Kubernetes. */
  readonly machine: string | null;
  /** For a subordinate unit, its principal unit (`ubuntu/0`); null for a principal. */
  readonly principal: string | null;
}

/** A relation of the model, as status (and show-unit) tell it: a bundle relation and what status says of it. */
export interface StatusRelation extends BundleRelation {
  /** The relation's interface where status gives it (Juju ≥ 3.1.3, or a remote application's endpoints). */
  readonly interface: string | null;
  readonly scope: 'global' | 'container' | null;
  /** Where the two endpoint names come from: status alone, or show-unit. */
  readonly source: 'status' | 'show-unit';
  /** When a side is null: the endpoints of each application status lists facing the other (one of `b`'s is the missing side). */
  readonly candidates: { readonly a: readonly string[]; readonly b: readonly string[] } | null;
}

/** A peer relation status lists (an endpoint naming its own application). Bundles leave peers out; the charm's metadata brings them. */
export interface StatusPeer extends Where {
  readonly app: string;
  readonly endpoint: string;
  readonly interface: string | null;
}

export interface StatusDatabag {
  readonly relation: { readonly a: { readonly app: string; readonly endpoint: string }; readonly b: { readonly app: string; readonly endpoint: string } };
  /** A unit name (a unit's bag) or an application name (the application's bag). */
  readonly owner: string;
  readonly data: Readonly<Record<string, string>>;
}

export interface StatusModel {
  /**
   * The model as a bundle: applications (charm from status `charm-name`/`charm`, units =
   * number of principal units, null for a subordinate), relations with both endpoint
   * names where status or show-unit tells them (null only where neither does), saas
   * (remote applications) and offers. File and line: the status file, where the
   * application or relation appears.
   */
  readonly bundle: Bundle;
  /** The same relations as `bundle.relations` (same objects, same order), with what status says of each. */
  readonly relations: readonly StatusRelation[];
  /** Peer relations status lists; not in `bundle.relations` (a bundle never lists them). */
  readonly peers: readonly StatusPeer[];
  /** Every unit of every application as status shows it, principal and subordinate, in status order. */
  readonly units: ReadonlyMap<string, readonly StatusUnit[]>;
  /** Databags where show-unit gives them; empty without show-unit. A peer relation has a = b. */
  readonly databags: readonly StatusDatabag[];
  /** What was inferred or left out, one plain sentence each. */
  readonly notes: readonly string[];
  readonly model: { readonly name: string | null; readonly type: 'kubernetes' | 'machine'; readonly version: string | null };
}

/** A file the user gave: its name (for messages) and its text. */
export interface StatusFile {
  readonly name: string;
  readonly text: string;
}

const MAX_STATUS_CHARS = 8 * 1024 * 1024;
const MAX_UNITS = 5000;
const MAX_SHOW_UNIT_FILES = 5000;
/** All show-unit files together: a model's worth of databags, far beyond real ones. */
const MAX_SHOW_UNIT_CHARS = 32 * 1024 * 1024;
const UNIT_NAME = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\/(\d{1,9})$/;
const MAX_PROBLEMS = 100;

// ---------------------------------------------------------------------------------
// Reading a file: JSON (fast, with a line index) or YAML (lines from the LineCounter).

type Path = readonly (string | number)[];

interface Tree {
  readonly file: string;
  readonly value: unknown;
  /** The 1-based line of the key (or list item) at `path`, or of its nearest ancestor found. */
  line(path: Path): number;
}

const SEP = '\u0000';

/**
 * The line of each object key and array item of a valid JSON text, to `maxDepth` levels,
 * keyed by path. A linear scan: JSON.parse has already checked the text.
 */
function jsonLines(text: string, maxDepth: number): Map<string, number> {
  const lines = new Map<string, number>();
  const path: string[] = [];
  const frames: Array<{ arr: boolean; n: number; expectKey: boolean; started: boolean }> = [];
  let line = 1;
  const setChild = (seg: string) => {
    const depth = frames.length;
    if (depth > maxDepth) return;
    path.length = depth;
    path[depth - 1] = seg;
    lines.set(path.join(SEP), line);
  };
  const valueStart = () => {
    const top = frames[frames.length - 1];
    if (top?.arr && !top.started) {
      top.started = true;
      setChild(String(top.n));
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
    } else if (c === 34) {
      let j = i + 1;
      for (;;) {
        j = text.indexOf('"', j);
        if (j < 0) return lines;
        let slashes = 0;
        while (text.charCodeAt(j - 1 - slashes) === 92) slashes++;
        if (slashes % 2 === 0) break;
        j++;
      }
      const top = frames[frames.length - 1];
      if (top && !top.arr && top.expectKey) {
        top.expectKey = false;
        if (frames.length <= maxDepth) {
          const raw = text.slice(i, j + 1);
          setChild(raw.includes('\\') ? String(JSON.parse(raw)) : raw.slice(1, -1));
        }
      } else valueStart();
      i = j;
    } else if (c === 123 || c === 91) {
      valueStart();
      frames.push({ arr: c === 91, n: 0, expectKey: c === 123, started: false });
    } else if (c === 125 || c === 93) {
      frames.pop();
      path.length = Math.min(path.length, frames.length);
    } else if (c === 44) {
      const top = frames[frames.length - 1];
      if (top?.arr) [top.n, top.started] = [top.n + 1, false];
      else if (top) top.expectKey = true;
    } else if (c !== 32 && c !== 9 && c !== 13 && c !== 58) {
      valueStart();
    }
  }
  return lines;
}

function jsonTree(file: string, text: string, value: unknown): Tree {
  // Deep enough for applications.<app>.units.<unit>.subordinates.<sub>.
  const index = jsonLines(text, 6);
  return {
    file,
    value,
    line(path) {
      for (let n = path.length; n > 0; n--) {
        const found = index.get(path.slice(0, n).map(String).join(SEP));
        if (found !== undefined) return found;
      }
      return 1;
    },
  };
}

function yamlTree(file: string, doc: Document.Parsed, lines: LineCounter, value: unknown): Tree {
  return {
    file,
    value,
    line(path) {
      let node: unknown = doc.contents;
      let line = 1;
      for (const seg of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
          if (!pair) break;
          const at = isScalar(pair.key) ? pair.key.range : undefined;
          if (at) line = lines.linePos(at[0]).line;
          node = pair.value;
        } else if (isSeq(node) && typeof seg === 'number') {
          const item: unknown = node.items[seg];
          if (!item) break;
          const range = (item as { range?: readonly [number, number, number] }).range;
          if (range) line = lines.linePos(range[0]).line;
          node = item;
        } else break;
      }
      return line;
    },
  };
}

/** The line of a JSON.parse error, from the positions V8 gives in its message. */
function jsonErrorLine(text: string, message: string): number {
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const pos = /position (\d+)/.exec(message);
  if (!pos) return 1;
  let n = 1;
  const end = Math.min(Number(pos[1]), text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Reads a file as JSON, else as YAML (which also takes JSON with trailing commas); null with problems when neither. */
function readTree(file: StatusFile, what: string, problems: BundleProblem[]): Tree | null {
  if (file.text.length > MAX_STATUS_CHARS) {
    problems.push({ file: file.name, line: 1, message: `more than ${MAX_STATUS_CHARS / 1024 / 1024} MB: not ${what} relviz will read` });
    return null;
  }
  let jsonError: string;
  try {
    return jsonTree(file.name, file.text, JSON.parse(file.text) as unknown);
  } catch (e) {
    jsonError = e instanceof Error ? e.message : String(e);
  }
  const lines = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: lines, uniqueKeys: true });
  if (doc.errors.length === 0) {
    try {
      return yamlTree(file.name, doc, lines, doc.toJS({ maxAliasCount: 100 }) as unknown);
    } catch (e) {
      problems.push({ file: file.name, line: 1, message: `bad YAML: ${e instanceof Error ? e.message : String(e)}` });
      return null;
    }
  }
  if (file.text.trimStart().startsWith('{')) {
    problems.push({ file: file.name, line: jsonErrorLine(file.text, jsonError), message: `bad JSON: ${jsonError.split('\n')[0]}` });
  } else {
    for (const e of doc.errors.slice(0, 10)) problems.push({ file: file.name, line: lines.linePos(e.pos[0]).line, message: `bad YAML: ${e.message.split('\n')[0]}` });
  }
  return null;
}

const record = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null);
const errorOnly = (v: Record<string, unknown>): string | null => (typeof v['status-error'] === 'string' ? v['status-error'] : null);

/** The charm's store name from a status `charm` field: `postgresql`, `ch:amd64/jammy/postgresql-14`, `cs:~x/easyrsa-3`, `local:database-0`. */
function charmNameOf(charm: string): string {
  const prefixed = /^(ch|cs|local):/.test(charm);
  const last = charm.replace(/^(ch|cs|local):/, '').split('/').pop() ?? charm;
  return prefixed ? last.replace(/-\d+$/, '') : last;
}

/** Sniffs whether a text is `juju status` output (JSON or YAML): top-level `model` and `applications`, and no bundle `relations` list. */
export function isStatusText(input: string): boolean {
  const head = input.trimStart();
  let keys: Set<string>;
  if (head.startsWith('{')) {
    keys = new Set([...jsonLines(head, 1).keys()]);
  } else {
    keys = new Set();
    for (const m of head.matchAll(/^(["']?)([A-Za-z][\w-]*)\1[ \t]*:/gm)) keys.add(m[2] as string);
  }
  return keys.has('model') && keys.has('applications') && !keys.has('relations');
}

// ---------------------------------------------------------------------------------
// The model.

/** An endpoint of an application and one application it lists on the other side. */
interface Listing {
  readonly app: string;
  readonly endpoint: string;
  readonly other: string;
  readonly iface: string | null;
  readonly scope: 'global' | 'container' | null;
  readonly line: number;
}

/** What one relation-info entry of a show-unit file says. */
interface ShowFact {
  readonly file: string;
  readonly unit: string;
  readonly app: string;
  readonly endpoint: string;
  readonly other: string;
  readonly otherEndpoint: string;
  readonly id: string;
  readonly appData: Record<string, string> | null;
  readonly remoteUnits: ReadonlyArray<readonly [string, Record<string, string> | null]>;
  readonly local: Record<string, string> | null;
}

interface MutableUnit {
  name: string;
  number: number;
  leader: boolean;
  machine: string | null;
  principal: string | null;
}

const bag = (v: unknown): Record<string, string> | null => {
  const r = record(v);
  if (!r) return null;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(r)) out[k] = text(x) ?? JSON.stringify(x);
  return out;
};

const scopeOf = (v: unknown): 'global' | 'container' | null => (v === 'global' || v === 'container' ? v : null);

const either = (xs: readonly string[]): string => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);

// ---------------------------------------------------------------------------------
// Pairing the endpoints two applications list for each other.

type End = { readonly endpoint: string; readonly iface: string | null; readonly scope: 'global' | 'container' | null; readonly line: number };

/** A relation joins endpoints of one interface; where either is unknown, any may match. */
const fits = (x: End, y: End) => x.iface === null || y.iface === null || x.iface === y.iface;

/**
 * The relations between two applications, from the endpoints each lists facing the other
 * (`ea`, `eb`) and pairs already known. Every listed endpoint is in at least one relation
 * with the other application, so an endpoint with a single fitting endpoint on the other
 * side is related to it — repeated until nothing changes. What is left had several.
 */
function pairUp(ea: readonly End[], eb: readonly End[], known: ReadonlyArray<readonly [End, End]>): { found: Array<[End, End]>; leftA: End[]; leftB: End[] } {
  const found: Array<[End, End]> = [];
  const add = (x: End, y: End) => {
    if (!found.some(([p, q]) => p === x && q === y)) found.push([x, y]);
  };
  for (const [x, y] of known) add(x, y);
  const covered = (e: End) => found.some(([x, y]) => x === e || y === e);
  for (let changed = true; changed; ) {
    changed = false;
    for (const x of ea) {
      const c = eb.filter((y) => fits(x, y));
      if (covered(x) || c.length !== 1) continue;
      add(x, c[0] as End);
      changed = true;
    }
    for (const y of eb) {
      const c = ea.filter((x) => fits(x, y));
      if (covered(y) || c.length !== 1) continue;
      add(c[0] as End, y);
      changed = true;
    }
  }
  // In the order status lists a's endpoints, then b's.
  found.sort(([x1, y1], [x2, y2]) => ea.indexOf(x1) - ea.indexOf(x2) || eb.indexOf(y1) - eb.indexOf(y2));
  return { found, leftA: ea.filter((e) => !covered(e)), leftB: eb.filter((e) => !covered(e)) };
}

/**
 * Reads `juju status` output (JSON or YAML, either relations shape) and any `juju
 * show-unit` outputs into a model description; throws BundleError (file, line, what)
 * when a file cannot be read as one.
 */
export function parseStatus(file: StatusFile, showUnits: readonly StatusFile[] = []): StatusModel {
  const problems: BundleProblem[] = [];
  const notes: string[] = [];
  const fail = (at: Where, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ ...at, message });
  };
  const tree = readTree(file, 'a juju status', problems);
  if (!tree) throw new BundleError(problems);
  const top = record(tree.value);
  if (!top || !('applications' in top)) {
    throw new BundleError([{ file: file.name, line: 1, message: 'no "applications": not the output of juju status --format=json or --format=yaml' }]);
  }
  const appsIn = top['applications'] === null ? {} : record(top['applications']);
  if (!appsIn) throw new BundleError([{ file: file.name, line: tree.line(['applications']), message: '"applications" must be a mapping of application names' }]);
  const at = (...path: Path): Where => ({ file: file.name, line: tree.line(path) });

  // Model.
  const modelIn = record(top['model']) ?? {};
  const typeIn = text(modelIn['type']);
  let kind: Bundle['kind'];
  if (typeIn === 'caas') kind = 'kubernetes';
  else if (typeIn === 'iaas') kind = 'machine';
  else {
    const scaled = Object.values(appsIn).some((a) => record(a)?.['scale'] !== undefined);
    kind = scaled ? 'kubernetes' : 'machine';
    notes.push(`the model's type is ${typeIn === null ? 'not in status' : `"${typeIn}", neither caas nor iaas`}; taken as ${kind === 'kubernetes' ? 'Kubernetes (applications have a scale)' : 'a machine model'}`);
  }

  // Units first, counted as they are read, so a huge status is refused before more work.
  let unitCount = 0;
  for (const body of Object.values(appsIn)) {
    for (const u of Object.values(record(record(body)?.['units']) ?? {})) unitCount += 1 + Object.keys(record(record(u)?.['subordinates']) ?? {}).length;
  }
  if (unitCount > MAX_UNITS) throw new BundleError([{ file: file.name, line: tree.line(['applications']), message: `${unitCount} units, more than the ${MAX_UNITS} relviz simulates` }]);

  const order = new Map<string, number>();
  const errored = new Set<string>();
  const applications = new Map<string, BundleApplication>();
  const units = new Map<string, MutableUnit[]>();
  const subordinateUnits = new Map<string, MutableUnit[]>();
  const subordinateTo = new Map<string, readonly string[]>();
  const scales = new Map<string, number>();
  const listings: Listing[] = [];
  const seenUnits = new Set<string>();

  const readListings = (app: string, section: string, relations: unknown) => {
    const rels = record(relations);
    if (!rels) return;
    for (const [endpoint, list] of Object.entries(rels)) {
      if (!Array.isArray(list)) {
        fail(at(section, app, 'relations', endpoint), `application "${app}": relations of "${endpoint}" must be a list`);
        continue;
      }
      list.forEach((item: unknown, i) => {
        const line = tree.line([section, app, 'relations', endpoint, i]);
        const obj = record(item);
        const other = obj ? text(obj['related-application']) : text(item);
        if (other === null) {
          fail({ file: file.name, line }, `application "${app}": an entry of relations "${endpoint}" names no application`);
          return;
        }
        listings.push({ app, endpoint, other, iface: obj ? text(obj['interface']) : null, scope: obj ? scopeOf(obj['scope']) : null, line });
      });
    }
  };

  const unitOf = (name: string, app: string | null, where: Where): { app: string; number: number } | null => {
    const m = UNIT_NAME.exec(name);
    if (!m) {
      fail(where, `unit "${name.slice(0, 64)}": a unit is named application/number`);
      return null;
    }
    if (app !== null && m[1] !== app) {
      fail(where, `unit "${name}" is listed under application "${app}"`);
      return null;
    }
    if (seenUnits.has(name)) {
      fail(where, `unit "${name}" appears twice`);
      return null;
    }
    seenUnits.add(name);
    return { app: m[1] as string, number: Number(m[2]) };
  };

  for (const [name, value] of Object.entries(appsIn)) {
    const where = at('applications', name);
    order.set(name, order.size);
    if (!APP_NAME.test(name)) {
      fail(where, `invalid application name "${name.slice(0, 64)}"`);
      continue;
    }
    const body = record(value);
    if (!body) {
      fail(where, `application "${name}" must be a mapping`);
      continue;
    }
    const error = errorOnly(body);
    const charmIn = text(body['charm']);
    const charmName = text(body['charm-name']) ?? (charmIn === null ? null : charmNameOf(charmIn));
    if (error !== null && charmName === null) {
      errored.add(name);
      notes.push(`application "${name}": status shows only an error ("${error}"), so it is left out`);
      continue;
    }
    if (charmName === null) notes.push(`application "${name}": status names no charm; its charm is taken to be "${name}"`);
    const own: MutableUnit[] = [];
    for (const [unitName, unitValue] of Object.entries(record(body['units']) ?? {})) {
      const uWhere = at('applications', name, 'units', unitName);
      const parsed = unitOf(unitName, name, uWhere);
      if (!parsed) continue;
      const u = record(unitValue) ?? {};
      const uError = errorOnly(u);
      if (uError !== null) notes.push(`unit "${unitName}": status shows only an error ("${uError}"); its leadership and machine are unknown`);
      const machine = text(u['machine']);
      own.push({ name: unitName, number: parsed.number, leader: u['leader'] === true, machine, principal: null });
      for (const [subName, subValue] of Object.entries(record(u['subordinates']) ?? {})) {
        const sub = unitOf(subName, null, at('applications', name, 'units', unitName, 'subordinates', subName));
        if (!sub) continue;
        const list = subordinateUnits.get(sub.app) ?? [];
        list.push({ name: subName, number: sub.number, leader: record(subValue)?.['leader'] === true, machine, principal: unitName });
        subordinateUnits.set(sub.app, list);
      }
    }
    units.set(name, own);
    const to = body['subordinate-to'];
    subordinateTo.set(name, Array.isArray(to) ? to.map(String) : []);
    if (typeof body['scale'] === 'number') scales.set(name, body['scale']);
    readListings(name, 'applications', body['relations']);
    const notSimulated: Record<string, unknown> = {};
    for (const k of ['charm-origin', 'charm-channel', 'charm-rev', 'base', 'series', 'exposed', 'version']) if (body[k] !== undefined) notSimulated[k] = body[k];
    applications.set(name, {
      name,
      ...where,
      charm: { ...charmRef(charmName ?? name), raw: charmIn ?? charmName ?? name },
      units: null, // set below, once subordinates are known
      to: [],
      options: {},
      position: null,
      notSimulated,
    });
  }

  // Subordinate units join their application; an application is a subordinate when status says so.
  for (const [app, subs] of subordinateUnits) {
    if (!applications.has(app)) {
      for (const s of subs) notes.push(`unit "${s.name}" (on ${s.principal}): application "${app}" is not in status, so the unit is left out`);
      continue;
    }
    units.set(app, [...(units.get(app) ?? []), ...subs]);
  }
  for (const [name, app] of applications) {
    const all = units.get(name) ?? [];
    const subordinate = (subordinateTo.get(name) ?? []).length > 0 || (all.length > 0 && all.every((u) => u.principal !== null));
    const principals = all.filter((u) => u.principal === null).length;
    applications.set(name, { ...app, units: subordinate ? null : principals });
    const scale = scales.get(name);
    if (scale !== undefined && scale !== principals) notes.push(`application "${name}": scale is ${scale} but status shows ${principals} unit${principals === 1 ? '' : 's'}; the model has the units status shows`);
  }
  if (applications.size > MAX_APPLICATIONS) fail({ file: file.name, line: 1 }, `${applications.size} applications, more than the ${MAX_APPLICATIONS} relviz simulates`);

  // Remote applications (saas) and offers.
  const saas: string[] = [];
  const saasInterfaces = new Map<string, Map<string, string>>();
  for (const section of ['application-endpoints', 'remote-applications']) {
    for (const [name, value] of Object.entries(record(top[section]) ?? {})) {
      const body = record(value) ?? {};
      const error = errorOnly(body);
      if (error !== null) {
        errored.add(name);
        notes.push(`remote application "${name}": status shows only an error ("${error}"), so it is left out`);
        continue;
      }
      if (!APP_NAME.test(name) || applications.has(name) || order.has(name)) {
        fail(at(section, name), `invalid or repeated remote application name "${name.slice(0, 64)}"`);
        continue;
      }
      order.set(name, order.size);
      saas.push(name);
      const ifaces = new Map<string, string>();
      for (const [ep, e] of Object.entries(record(body['endpoints']) ?? {})) {
        const iface = text(record(e)?.['interface']);
        if (iface !== null) ifaces.set(ep, iface);
      }
      saasInterfaces.set(name, ifaces);
      readListings(name, section, body['relations']);
    }
  }
  const offers: string[] = [];
  for (const [name, value] of Object.entries(record(top['offers']) ?? {})) {
    const body = record(value) ?? {};
    const error = errorOnly(body);
    if (error !== null) {
      notes.push(`offer "${name}": status shows only an error ("${error}"), so it is left out`);
      continue;
    }
    offers.push(name);
    const app = text(body['application']);
    if (app !== null && !applications.has(app)) notes.push(`offer "${name}": its application "${app}" is not in status`);
  }
  const machines: string[] = [];
  const readMachines = (m: unknown) => {
    for (const [id, body] of Object.entries(record(m) ?? {})) {
      machines.push(id);
      readMachines(record(body)?.['containers']);
    }
  };
  readMachines(top['machines']);

  // show-unit files: the facts they give, checked against status.
  if (showUnits.length > MAX_SHOW_UNIT_FILES) fail({ file: showUnits[0]?.name ?? file.name, line: 1 }, `${showUnits.length} show-unit files, more than the ${MAX_SHOW_UNIT_FILES} relviz reads`);
  const showChars = showUnits.reduce((n, f) => n + f.text.length, 0);
  if (showChars > MAX_SHOW_UNIT_CHARS) fail({ file: showUnits[0]?.name ?? file.name, line: 1 }, `show-unit files of more than ${MAX_SHOW_UNIT_CHARS / 1024 / 1024} MB together: more than relviz will read`);
  if (problems.length > 0) throw new BundleError(problems);
  const facts: ShowFact[] = [];
  const shownLeaders: Array<{ unit: string; app: string; leader: boolean; file: string }> = [];
  const known = (app: string) => applications.has(app) || saas.includes(app);
  const listedIndex = new Map<string, string[]>();
  for (const l of listings) listedIndex.set(`${l.app}:${l.endpoint}`, [...(listedIndex.get(`${l.app}:${l.endpoint}`) ?? []), l.other]);
  const listedBy = (app: string, endpoint: string): readonly string[] => listedIndex.get(`${app}:${endpoint}`) ?? [];
  for (const show of showUnits.slice(0, MAX_SHOW_UNIT_FILES)) {
    const showProblems: BundleProblem[] = [];
    const t = readTree(show, 'a juju show-unit', showProblems);
    for (const p of showProblems) fail(p, p.message);
    if (!t) continue;
    const topShow = record(t.value);
    if (!topShow) {
      fail({ file: show.name, line: 1 }, 'juju show-unit output is a mapping of unit names');
      continue;
    }
    for (const [unit, value] of Object.entries(topShow)) {
      const where = { file: show.name, line: t.line([unit]) };
      const m = UNIT_NAME.exec(unit);
      if (!m) {
        fail(where, `"${unit.slice(0, 64)}" is not a unit name: juju show-unit output is a mapping of unit names`);
        continue;
      }
      const app = m[1] as string;
      const body = record(value) ?? {};
      if (!applications.has(app)) {
        notes.push(`${show.name}: unit "${unit}" is of no application in status, so it is not used`);
        continue;
      }
      if (!(units.get(app) ?? []).some((u) => u.name === unit)) notes.push(`${show.name}: unit "${unit}" is not in status; only its relations' endpoints are used`);
      if (typeof body['leader'] === 'boolean') shownLeaders.push({ unit, app, leader: body['leader'], file: show.name });
      const infos = body['relation-info'];
      if (infos !== undefined && infos !== null && !Array.isArray(infos)) {
        fail({ file: show.name, line: t.line([unit, 'relation-info']) }, `unit "${unit}": relation-info must be a list`);
        continue;
      }
      for (const [i, info] of ((infos as unknown[] | null | undefined) ?? []).entries()) {
        const ri = record(info) ?? {};
        const endpoint = text(ri['endpoint']);
        const otherEndpoint = text(ri['related-endpoint']);
        const id = text(ri['relation-id']) ?? '?';
        if (endpoint === null || otherEndpoint === null) {
          fail({ file: show.name, line: t.line([unit, 'relation-info', i]) }, `unit "${unit}": a relation-info entry without "endpoint" and "related-endpoint"`);
          continue;
        }
        const remoteUnits: Array<readonly [string, Record<string, string> | null]> = Object.entries(record(ri['related-units']) ?? {}).map(([n, v]) => [n, bag(record(v)?.['data'])] as const);
        const remoteApps = [...new Set(remoteUnits.map(([n]) => UNIT_NAME.exec(n)?.[1] ?? n))];
        const label = `${show.name}: relation ${id} of ${unit} (${app}:${endpoint})`;
        let other: string;
        if (remoteApps.length === 1) other = remoteApps[0] as string;
        else if (remoteApps.length > 1) {
          notes.push(`${label} has units of ${either(remoteApps)} on the other side, so it is not used`);
          continue;
        } else {
          // No remote unit in scope: the other application is the one status lists on this endpoint, if one.
          const listed = [...new Set(listedBy(app, endpoint))].filter((o) => (o === app ? otherEndpoint === endpoint : listedBy(o, otherEndpoint).includes(app)));
          if (listed.length === 1) other = listed[0] as string;
          else {
            notes.push(`${label}: no unit of the other side is in scope and status does not tell which application it is, so it is not used`);
            continue;
          }
        }
        if (!known(other)) {
          const cross = ri['cross-model'] === true || other.startsWith('remote-') ? ' (a cross-model relation to another model)' : '';
          notes.push(`${label} is with "${other}"${cross}, which is not in status, so it is left out`);
          continue;
        }
        facts.push({ file: show.name, unit, app, endpoint, other, otherEndpoint, id, appData: bag(ri['application-data']), remoteUnits, local: bag(record(ri['local-unit'])?.['data']) });
      }
    }
  }

  // Relations: each endpoint listing another application is paired with that application's endpoints listing it back.
  const peers: StatusPeer[] = [];
  const pairs = new Map<string, { a: string; b: string; ea: End[]; eb: End[] }>();
  const interfaceOf = (app: string, endpoint: string, given: string | null) => given ?? saasInterfaces.get(app)?.get(endpoint) ?? null;
  const peerSeen = new Set<string>();
  for (const l of listings) {
    if (l.other === l.app) {
      if (!peerSeen.has(`${l.app}:${l.endpoint}`)) peers.push({ app: l.app, endpoint: l.endpoint, interface: l.iface, file: file.name, line: l.line });
      peerSeen.add(`${l.app}:${l.endpoint}`);
      continue;
    }
    if (!known(l.other)) {
      const why = errored.has(l.other) ? 'whose status is an error' : 'which is not in status';
      notes.push(`"${l.app}:${l.endpoint}" is related to "${l.other}", ${why}, so that relation is left out`);
      continue;
    }
    const [a, b] = (order.get(l.app) ?? 0) <= (order.get(l.other) ?? 0) ? [l.app, l.other] : [l.other, l.app];
    const key = `${a} ${b}`;
    const pair = pairs.get(key) ?? { a, b, ea: [], eb: [] };
    pairs.set(key, pair);
    const side = l.app === a ? pair.ea : pair.eb;
    if (!side.some((e) => e.endpoint === l.endpoint)) side.push({ endpoint: l.endpoint, iface: interfaceOf(l.app, l.endpoint, l.iface), scope: l.scope, line: l.line });
  }

  const relations: StatusRelation[] = [];
  const firstUnit = (app: string) => units.get(app)?.[0]?.name ?? null;
  const usedFacts = new Set<ShowFact>();
  const factsOf = new Map<string, ShowFact[]>();
  for (const f of facts) {
    const k = (order.get(f.app) ?? 0) <= (order.get(f.other) ?? 0) ? `${f.app} ${f.other}` : `${f.other} ${f.app}`;
    factsOf.set(k, [...(factsOf.get(k) ?? []), f]);
  }
  for (const { a, b, ea, eb } of pairs.values()) {
    const shown: Array<[End, End]> = [];
    for (const f of factsOf.get(`${a} ${b}`) ?? []) {
      const [mine, theirs] = f.app === a && f.other === b ? [f.endpoint, f.otherEndpoint] : f.app === b && f.other === a ? [f.otherEndpoint, f.endpoint] : [null, null];
      if (mine === null) continue;
      usedFacts.add(f);
      const x = ea.find((e) => e.endpoint === mine);
      const y = eb.find((e) => e.endpoint === theirs);
      if (!x || !y || !fits(x, y)) notes.push(`${f.file}: relation ${f.id} (${a}:${mine} ${b}:${theirs}) is not in status, so it is left out`);
      else shown.push([x, y]);
    }
    // What status alone names, then with what show-unit adds: the source of each pair.
    const byStatus = pairUp(ea, eb, []);
    const { found, leftA, leftB } = pairUp(ea, eb, [...byStatus.found, ...shown]);
    const make = (x: End | null, y: End | null, candidates: StatusRelation['candidates']): StatusRelation => {
      const side = (app: string, e: End | null): BundleEndpointRef => ({ app, endpoint: e?.endpoint ?? null });
      const source = x === null || y === null || byStatus.found.some(([p, q]) => p === x && q === y) ? 'status' : 'show-unit';
      return { file: file.name, line: (x ?? y)?.line ?? 1, a: side(a, x), b: side(b, y), interface: x?.iface ?? y?.iface ?? null, scope: x?.scope ?? y?.scope ?? null, source, candidates };
    };
    for (const [x, y] of found) relations.push(make(x, y, null));
    // What is left: endpoints with no match (the other side lists nothing fitting) or with several.
    const [named, namedApp, otherApp, otherEnds] = leftA.length >= leftB.length ? [leftA, a, b, eb] : [leftB, b, a, ea];
    for (const e of named) {
      const fitting = otherEnds.filter((o) => fits(e, o)).map((o) => o.endpoint);
      const rel = namedApp === a ? make(e, null, { a: [e.endpoint], b: fitting }) : make(null, e, { a: fitting, b: [e.endpoint] });
      relations.push(rel);
      const unit = firstUnit(namedApp) ?? firstUnit(otherApp);
      const ask = unit === null ? 'neither application has a unit to give juju show-unit of' : `give juju show-unit ${unit} to name it`;
      const what = fitting.length === 0 ? `status lists no endpoint of ${otherApp} related to ${namedApp}` : `status does not say which endpoint of ${otherApp} it is (${either(fitting)})`;
      notes.push(`relation "${formatRelation(rel)}": ${what}; ${ask}`);
    }
  }
  for (const f of facts) {
    if (f.other !== f.app && !usedFacts.has(f)) notes.push(`${f.file}: relation ${f.id} (${f.app}:${f.endpoint} ${f.other}:${f.otherEndpoint}) is not in status, so it is left out`);
  }
  if (relations.length > MAX_RELATIONS) fail({ file: file.name, line: 1 }, `${relations.length} relations, more than the ${MAX_RELATIONS} relviz simulates`);

  // Leaders: status's, and show-unit's where status has none for the application.
  for (const [app, list] of units) {
    const leaders = list.filter((u) => u.leader);
    if (leaders.length > 1) {
      notes.push(`application "${app}": status marks ${leaders.map((u) => u.name).join(' and ')} leader; ${leaders[0]?.name} is taken`);
      for (const u of leaders.slice(1)) u.leader = false;
    }
    if (leaders.length === 0 && list.length > 0) {
      const shown = shownLeaders.find((s) => s.app === app && s.leader);
      const unit = shown ? list.find((u) => u.name === shown.unit) : undefined;
      if (unit && shown) {
        unit.leader = true;
        notes.push(`application "${app}": status marks no leader; ${shown.file} says ${unit.name} is`);
      } else notes.push(`application "${app}": status marks no unit leader`);
    }
  }
  for (const s of shownLeaders) {
    const unit = units.get(s.app)?.find((u) => u.name === s.unit);
    if (unit && unit.leader !== s.leader) notes.push(`${s.file}: ${s.unit} is ${s.leader ? '' : 'not '}leader there, but ${unit.leader ? '' : 'not '}in status; status is taken`);
  }

  // Databags: what each show-unit file's relations carry, on the relation status names.
  const databags: StatusDatabag[] = [];
  const bagAt = new Map<string, { data: Record<string, string>; file: string }>();
  const allUnits = new Set([...units.values()].flat().map((u) => u.name));
  const relationAt = new Map<string, StatusRelation>();
  for (const r of relations) {
    if (r.a.endpoint === null || r.b.endpoint === null) continue;
    relationAt.set(`${r.a.app}:${r.a.endpoint} ${r.b.app}:${r.b.endpoint}`, r);
    relationAt.set(`${r.b.app}:${r.b.endpoint} ${r.a.app}:${r.a.endpoint}`, r);
  }
  for (const f of facts) {
    let relation: StatusDatabag['relation'] | null = null;
    if (f.other === f.app) {
      relation = { a: { app: f.app, endpoint: f.endpoint }, b: { app: f.app, endpoint: f.otherEndpoint } };
    } else {
      const r = relationAt.get(`${f.app}:${f.endpoint} ${f.other}:${f.otherEndpoint}`);
      if (r) relation = { a: { app: r.a.app, endpoint: r.a.endpoint as string }, b: { app: r.b.app, endpoint: r.b.endpoint as string } };
    }
    if (!relation) continue; // noted above: status does not have it
    const key = `${relation.a.app}:${relation.a.endpoint} ${relation.b.app}:${relation.b.endpoint}`;
    const add = (owner: string, data: Record<string, string> | null) => {
      if (data === null) return;
      const seen = bagAt.get(`${key} ${owner}`);
      if (seen) {
        if (JSON.stringify(seen.data) !== JSON.stringify(data)) notes.push(`relation "${key}": the databag of ${owner} differs between ${seen.file} and ${f.file}; the first is taken`);
        return;
      }
      bagAt.set(`${key} ${owner}`, { data, file: f.file });
      databags.push({ relation, owner, data });
    };
    add(f.other, f.appData);
    for (const [u, data] of f.remoteUnits) {
      if (allUnits.has(u)) add(u, data);
      else if (data !== null) notes.push(`${f.file}: relation ${f.id} has unit "${u}" on the other side, which is not in status, so its databag is left out`);
    }
    if (allUnits.has(f.unit)) add(f.unit, f.local);
  }

  if (problems.length > 0) throw new BundleError(problems);
  const bundle: Bundle = { kind, applications, relations, machines, saas, offers };
  return {
    bundle,
    relations,
    peers,
    units: new Map([...units].map(([app, list]) => [app, list.map((u) => ({ ...u }))])),
    databags,
    notes: [...new Set(notes)],
    model: { name: text(modelIn['name']), type: kind, version: text(modelIn['version']) },
  };
}
