/**
 * Juju bundles, read as Juju reads them (issue 10, first step): a `bundle.yaml` with
 * its overlays becomes one checked description — applications, relations, machines,
 * saas/offers — with the file and line of everything, so every problem can be named
 * where it is (`bundle.yaml:12: relation "a:x b": no application "a"`). The whole
 * bundle is checked before anything is deployed, as Juju does; all problems are
 * reported at once.
 *
 * Overlays follow Juju's rules: a file may hold several YAML documents (the first is
 * the bundle, the others overlays, in order); an overlay's application fields replace
 * the bundle's field by field, an application given with no value (`app:`) is removed
 * with the relations that name it, and relations are appended.
 *
 * What is read and kept but not simulated: expose, trust, constraints, channel,
 * series, base, storage, resources, options (shown), machines (placement).
 */
import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { APP_NAME } from './model.ts';

/** One file of a bundle: its name as the user gave it (for messages) and its text. */
export interface BundleFile {
  readonly name: string;
  readonly text: string;
}

/** Where something is: file and 1-based line. */
export interface Where {
  readonly file: string;
  readonly line: number;
}

export interface BundleProblem extends Where {
  readonly message: string;
}

/** A bundle that cannot be deployed, with every problem found (file, line, what). */
export class BundleError extends Error {
  override name = 'BundleError';
  constructor(readonly problems: readonly BundleProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
  }
}

/** A charm reference as a bundle writes it, and what it names. */
export interface CharmRef {
  /** As written: `ch:traefik-k8s`, `cs:~containers/easyrsa-123`, `./master`. */
  readonly raw: string;
  /** A local path (`./master`, `/srv/charms/x`), or a store / local charm name. */
  readonly kind: 'path' | 'name';
  /** The charm's name: the store name without prefix, owner, series or revision; a path's last segment. */
  readonly name: string;
}

export interface BundleApplication extends Where {
  readonly name: string;
  readonly charm: CharmRef;
  /** `num_units` (machines) or `scale` (Kubernetes); null when the bundle gives neither (a subordinate, usually). */
  readonly units: number | null;
  /** `to:` placement directives, as written (`"0"`, `lxd:1`, `kubernetes-control-plane/0`). */
  readonly to: readonly string[];
  readonly options: Readonly<Record<string, unknown>>;
  /** `annotations.gui-x` / `gui-y`, when both are numbers. */
  readonly position: { readonly x: number; readonly y: number } | null;
  /**
   * `annotations.relviz-charm: teaching`: the charm is relviz's teaching charm of that
   * name, not Charmhub's (how `juju export-bundle` writes one whose name a real charm
   * also has, so the bundle deploys the same charm again).
   */
  readonly teaching?: boolean;
  /** Accepted and shown, not simulated: expose, trust, constraints, channel, series, base, … */
  readonly notSimulated: Readonly<Record<string, unknown>>;
}

export interface BundleEndpointRef {
  readonly app: string;
  readonly endpoint: string | null;
}

export interface BundleRelation extends Where {
  readonly a: BundleEndpointRef;
  readonly b: BundleEndpointRef;
}

export interface Bundle {
  /** `kubernetes` bundles use `scale:`; machine bundles `num_units:` and `machines:`. */
  readonly kind: 'kubernetes' | 'machine';
  readonly applications: ReadonlyMap<string, BundleApplication>;
  readonly relations: readonly BundleRelation[];
  readonly machines: readonly string[];
  /** Cross-model relations: accepted and shown, not simulated. */
  readonly saas: readonly string[];
  readonly offers: readonly string[];
}

/**
 * Most applications and relations a bundle (or a status read as one) may have: far
 * beyond real ones (COS Lite has 8 applications, Charmed Kubernetes 9).
 */
export const MAX_APPLICATIONS = 500;
export const MAX_RELATIONS = 2000;
const MAX_BUNDLE_CHARS = 2 * 1024 * 1024;
/** Fields of an application relviz simulates; the others are kept as `notSimulated`. */
const SIMULATED = new Set(['charm', 'num_units', 'scale', 'to', 'options', 'annotations']);

/** Reads a bundle charm reference: `ch:name`, `cs:~owner/series/name-12`, `local:series/name-3`, `./path`. */
export function charmRef(raw: string): CharmRef {
  if (raw.startsWith('.') || raw.startsWith('/')) return { raw, kind: 'path', name: raw.replace(/\/+$/, '').split('/').pop() ?? raw };
  const prefix = /^(ch|cs|local):/.exec(raw)?.[1];
  let rest = prefix ? raw.slice(prefix.length + 1) : raw;
  rest = rest.split('/').pop() ?? rest;
  // Revisions were part of cs: and local: names (`easyrsa-123`); Charmhub names carry none.
  if (prefix === 'cs' || prefix === 'local') rest = rest.replace(/-\d+$/, '');
  return { raw, kind: 'name', name: rest };
}

interface Doc {
  readonly file: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

class Reader {
  readonly problems: BundleProblem[] = [];

  where(d: Doc, node: Node | Pair | null | undefined): Where {
    const range = node && 'range' in node ? node.range : node && 'key' in node && node.key && typeof node.key === 'object' && 'range' in node.key ? (node.key as Node).range : undefined;
    return { file: d.file, line: range ? d.lines.linePos(range[0]).line : 1 };
  }

  fail(at: Where, message: string): void {
    if (this.problems.length < 100) this.problems.push({ ...at, message });
  }
}

function entries(map: YAMLMap): Array<{ key: string; pair: Pair }> {
  return map.items.map((pair) => ({ key: isScalar(pair.key) ? String(pair.key.value) : String(pair.key), pair }));
}

interface AppDraft {
  name: string;
  at: Where;
  fields: Map<string, { value: unknown; at: Where }>;
}

/** Parses a bundle and its overlays into one checked Bundle; throws BundleError naming every problem. */
export function parseBundle(main: BundleFile, overlays: readonly BundleFile[] = []): Bundle {
  const r = new Reader();
  const docs: Doc[] = [];
  for (const file of [main, ...overlays]) {
    if (file.text.length > MAX_BUNDLE_CHARS) {
      r.fail({ file: file.name, line: 1 }, `more than ${MAX_BUNDLE_CHARS / 1024 / 1024} MB: not a bundle relviz will read`);
      continue;
    }
    const lines = new LineCounter();
    const parsed = parseAllDocuments(file.text, { lineCounter: lines, uniqueKeys: true });
    const all = Array.isArray(parsed) ? parsed : [];
    if (!Array.isArray(parsed)) r.fail({ file: file.name, line: 1 }, 'not YAML documents');
    for (const doc of all) {
      for (const e of doc.errors) r.fail({ file: file.name, line: lines.linePos(e.pos[0]).line }, `bad YAML: ${e.message.split('\n')[0]}`);
      // An empty document (a trailing `---`) is nothing to apply.
      if (doc.contents === null) continue;
      docs.push({ file: file.name, doc, lines });
    }
  }
  if (r.problems.length > 0) throw new BundleError(inOrder(r.problems, [main, ...overlays]));
  if (docs.length === 0) throw new BundleError([{ file: main.name, line: 1, message: 'an empty bundle: no applications' }]);

  const apps = new Map<string, AppDraft>();
  const relations: BundleRelation[] = [];
  const machines = new Set<string>();
  const saas = new Set<string>();
  const offers = new Set<string>();
  let kind: Bundle['kind'] = 'machine';

  docs.forEach((d, index) => {
    const top = d.doc.contents;
    if (!isMap(top)) {
      r.fail(r.where(d, top), 'a bundle is a mapping with "applications" (and "relations", "machines", …)');
      return;
    }
    // A charm's own metadata given where a bundle is expected: say how to deploy it.
    const keys = new Set(entries(top).map((e) => e.key));
    if (index === 0 && keys.has('name') && !keys.has('applications') && !keys.has('services') && ['provides', 'requires', 'peers', 'subordinate'].some((k) => keys.has(k))) {
      r.fail(r.where(d, top), `this is a charm's metadata, not a bundle: deploy it with an application name, as in juju deploy ${main.name} <application>`);
      return;
    }
    for (const { key, pair } of entries(top)) {
      const value = pair.value as Node | null;
      const at = r.where(d, pair);
      switch (key) {
        case 'bundle':
          if (isScalar(value) && value.value === 'kubernetes') kind = 'kubernetes';
          break;
        case 'applications':
        case 'services':
          readApplications(r, d, value, apps, relations, index > 0);
          break;
        case 'relations':
          readRelations(r, d, value, relations);
          break;
        case 'machines':
          if (isMap(value)) for (const m of entries(value)) machines.add(m.key);
          else if (value !== null) r.fail(at, '"machines" must be a mapping of machine ids');
          break;
        case 'saas':
          if (isMap(value)) for (const s of entries(value)) saas.add(s.key);
          break;
        case 'offers':
          if (isMap(value)) for (const s of entries(value)) offers.add(s.key);
          break;
        default:
          // name, description, series, default-base, website, issues, docs, variables…: read, not simulated.
          break;
      }
    }
  });

  const applications = new Map<string, BundleApplication>();
  for (const draft of apps.values()) {
    const app = finishApplication(r, draft);
    if (app) applications.set(app.name, app);
  }
  if (applications.size > MAX_APPLICATIONS) r.fail({ file: main.name, line: 1 }, `${applications.size} applications, more than the ${MAX_APPLICATIONS} relviz simulates`);
  if (relations.length > MAX_RELATIONS) r.fail({ file: main.name, line: 1 }, `${relations.length} relations, more than the ${MAX_RELATIONS} relviz simulates`);
  for (const rel of relations) {
    for (const side of [rel.a, rel.b]) {
      if (!applications.has(side.app) && !saas.has(side.app)) r.fail(rel, `relation "${formatRelation(rel)}": no application "${side.app}" in the bundle`);
    }
  }
  for (const app of applications.values()) {
    // Offers are written under the application that offers (`applications.<app>.offers`) or at the top.
    const own = app.notSimulated['offers'];
    if (typeof own === 'object' && own !== null) for (const name of Object.keys(own)) offers.add(name);
  }
  if (r.problems.length > 0) throw new BundleError(inOrder(r.problems, [main, ...overlays]));
  return { kind, applications, relations, machines: [...machines], saas: [...saas], offers: [...offers] };
}

/** Problems in the order of the files and lines they are on. */
function inOrder(problems: readonly BundleProblem[], files: readonly BundleFile[]): BundleProblem[] {
  const index = (name: string) => files.findIndex((f) => f.name === name);
  return [...problems].sort((a, b) => index(a.file) - index(b.file) || a.line - b.line);
}

export function formatRelation(rel: Pick<BundleRelation, 'a' | 'b'>): string {
  const f = (e: BundleEndpointRef) => (e.endpoint === null ? e.app : `${e.app}:${e.endpoint}`);
  return `${f(rel.a)} ${f(rel.b)}`;
}

function readApplications(r: Reader, d: Doc, value: Node | null, apps: Map<string, AppDraft>, relations: BundleRelation[], overlay: boolean): void {
  if (value === null) return;
  if (!isMap(value)) {
    r.fail(r.where(d, value), '"applications" must be a mapping of application names');
    return;
  }
  for (const { key: name, pair } of entries(value)) {
    const at = r.where(d, pair);
    const body = pair.value as Node | null;
    const empty = body === null || (isScalar(body) && body.value === null);
    if (overlay && empty) {
      // An overlay's empty application removes it, and the relations that name it.
      apps.delete(name);
      for (let i = relations.length - 1; i >= 0; i--) {
        const rel = relations[i] as BundleRelation;
        if (rel.a.app === name || rel.b.app === name) relations.splice(i, 1);
      }
      continue;
    }
    if (!APP_NAME.test(name)) {
      r.fail(at, `invalid application name "${name.slice(0, 64)}"`);
      continue;
    }
    if (!isMap(body)) {
      r.fail(at, `application "${name}" must be a mapping with at least "charm"`);
      continue;
    }
    const draft = apps.get(name) ?? { name, at, fields: new Map() };
    for (const { key, pair: field } of entries(body)) {
      const node = field.value as Node | null;
      draft.fields.set(key, { value: node === null ? null : (node.toJSON() as unknown), at: r.where(d, field) });
    }
    apps.set(name, draft);
  }
}

function finishApplication(r: Reader, draft: AppDraft): BundleApplication | null {
  const { name, at, fields } = draft;
  const field = (k: string) => fields.get(k);
  const charm = field('charm');
  if (!charm || typeof charm.value !== 'string' || charm.value.trim() === '') {
    r.fail(charm?.at ?? at, `application "${name}" has no charm`);
    return null;
  }
  let units: number | null = null;
  for (const k of ['num_units', 'scale']) {
    const f = field(k);
    if (!f) continue;
    if (typeof f.value !== 'number' || !Number.isInteger(f.value) || f.value < 0) r.fail(f.at, `application "${name}": ${k} must be a whole number ≥ 0`);
    else units = f.value;
  }
  const to = field('to');
  const placement = to === undefined ? [] : Array.isArray(to.value) ? to.value.map(String) : to.value === null ? [] : [String(to.value)];
  const options = field('options')?.value;
  const annotations = field('annotations')?.value as Record<string, unknown> | undefined;
  const gx = Number(annotations?.['gui-x']);
  const gy = Number(annotations?.['gui-y']);
  const notSimulated: Record<string, unknown> = {};
  for (const [k, f] of fields) if (!SIMULATED.has(k)) notSimulated[k] = f.value;
  return {
    name,
    ...at,
    charm: charmRef(charm.value.trim()),
    units,
    to: placement,
    options: typeof options === 'object' && options !== null && !Array.isArray(options) ? (options as Record<string, unknown>) : {},
    position: annotations && Number.isFinite(gx) && Number.isFinite(gy) ? { x: gx, y: gy } : null,
    ...(annotations?.['relviz-charm'] === 'teaching' ? { teaching: true } : {}),
    notSimulated,
  };
}

/** `app` or `app:endpoint` (a saas name may stand for an application). */
function endpointRef(text: string): BundleEndpointRef | null {
  const m = /^([a-z][a-z0-9-]*)(?::([a-z][a-z0-9_-]*))?$/.exec(text.trim());
  return m ? { app: m[1] as string, endpoint: m[2] ?? null } : null;
}

function readRelations(r: Reader, d: Doc, value: Node | null, relations: BundleRelation[]): void {
  if (value === null) return;
  if (!isSeq(value)) {
    r.fail(r.where(d, value), '"relations" must be a list of [a, b] pairs');
    return;
  }
  for (const item of value.items as Node[]) {
    const at = r.where(d, item);
    const pair = isSeq(item) ? (item.items as Node[]).map((n) => (isScalar(n) ? String(n.value) : null)) : null;
    if (!pair || pair.length !== 2 || pair.some((p) => p === null)) {
      r.fail(at, 'a relation is a pair: [app:endpoint, app:endpoint] (the endpoint may be left out)');
      continue;
    }
    const [a, b] = (pair as string[]).map(endpointRef);
    if (!a || !b) {
      r.fail(at, `relation "${pair.join(' ')}": expected "application" or "application:endpoint"`);
      continue;
    }
    relations.push({ ...at, a, b });
  }
}
