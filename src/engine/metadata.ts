/**
 * Reads charm metadata from `metadata.yaml` (+ `actions.yaml`) or `charmcraft.yaml`
 * text with a real YAML parser, validates it the way Juju's charm package does, and
 * reports problems with file and line: `metadata.yaml:7: endpoint "db" has no interface`.
 */
import { LineCounter, isMap, isScalar, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
import { Roles, type ActionMeta, type CharmMeta, type EndpointMeta, type Role } from './charm.ts';

export class MetadataError extends Error {
  override name = 'MetadataError';
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly problem: string,
  ) {
    super(line === null ? `${file}: ${problem}` : `${file}:${line}: ${problem}`);
  }
}

export interface CharmFiles {
  /** File name → text; recognised: metadata.yaml, charmcraft.yaml, actions.yaml. */
  readonly [file: string]: string;
}

interface Parsed {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

function parse(file: string, text: string): Parsed {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    // linePos is only filled in with prettyErrors; compute the line from the offset.
    const line = first.linePos?.[0]?.line ?? lines.linePos(first.pos[0]).line;
    throw new MetadataError(file, line, first.message.split('\n')[0] ?? 'invalid YAML');
  }
  return { file, doc, lines };
}

function lineOf(p: Parsed, node: Node | null | undefined): number | null {
  const offset = node?.range?.[0];
  return offset === undefined ? null : p.lines.linePos(offset).line;
}

function fail(p: Parsed, node: Node | null | undefined, problem: string): never {
  throw new MetadataError(p.file, lineOf(p, node), problem);
}

function entries(p: Parsed, node: unknown, what: string): Array<[string, Node | null, Node]> {
  if (node === undefined || node === null) return [];
  if (!isMap(node)) fail(p, node as Node, `${what} must be a mapping`);
  return (node as YAMLMap).items.map((pair) => {
    const key = pair.key as Node;
    if (!isScalar(key) || typeof key.value !== 'string') fail(p, key, `${what}: keys must be strings`);
    return [key.value as string, pair.value as Node | null, key];
  });
}

function scalarString(p: Parsed, node: Node | null, what: string): string {
  if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) fail(p, node, `${what} must be a string`);
  return String(node.value);
}

const NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function readEndpoints(p: Parsed, root: YAMLMap): EndpointMeta[] {
  const out: EndpointMeta[] = [];
  const seen = new Set<string>();
  for (const role of Roles) {
    for (const [name, value, keyNode] of entries(p, root.get(role, true), role)) {
      if (!NAME.test(name)) fail(p, keyNode, `endpoint name "${name}" must be lower-case letters, digits and hyphens`);
      if (seen.has(name)) fail(p, keyNode, `endpoint "${name}" is declared twice`);
      if (role !== 'requires' && (name === 'juju' || name.startsWith('juju-'))) {
        fail(p, keyNode, `endpoint name "${name}" is reserved for Juju`);
      }
      seen.add(name);
      out.push(readEndpoint(p, role, name, value, keyNode));
    }
  }
  return out;
}

function readEndpoint(p: Parsed, role: Role, name: string, value: Node | null, keyNode: Node): EndpointMeta {
  // Old metadata allows the short form `db: mysql`.
  if (isScalar(value)) return { name, role, interface: scalarString(p, value, `endpoint "${name}"`), limit: null, scope: 'global', implicit: false };
  if (!isMap(value)) fail(p, value ?? keyNode, `endpoint "${name}" must be a mapping with an interface`);
  const fields = new Map(entries(p, value, `endpoint "${name}"`).map(([k, v, kn]) => [k, { v, kn }]));
  const iface = fields.get('interface');
  if (!iface) fail(p, keyNode, `endpoint "${name}" has no interface`);
  const interfaceName = scalarString(p, iface.v, `interface of endpoint "${name}"`);
  let limit: number | null = null;
  const limitField = fields.get('limit');
  if (limitField) {
    const v = limitField.v;
    if (!isScalar(v) || typeof v.value !== 'number' || !Number.isInteger(v.value) || v.value < 1) {
      fail(p, v ?? limitField.kn, `limit of endpoint "${name}" must be a positive integer`);
    }
    limit = v.value as number;
  }
  let scope: 'global' | 'container' = 'global';
  const scopeField = fields.get('scope');
  if (scopeField) {
    const s = scalarString(p, scopeField.v, `scope of endpoint "${name}"`);
    if (s !== 'global' && s !== 'container') fail(p, scopeField.v, `scope of endpoint "${name}" must be "global" or "container", not "${s}"`);
    scope = s;
  }
  return { name, role, interface: interfaceName, limit, scope, implicit: false };
}

function readActions(p: Parsed, node: unknown): ActionMeta[] {
  return entries(p, node, 'actions').map(([name, value]) => {
    let description = '';
    let params: string[] = [];
    if (isMap(value)) {
      const d = value.get('description', true);
      if (isScalar(d)) description = String(d.value);
      params = entries(p, value.get('params', true), `params of action "${name}"`).map(([k]) => k);
    }
    return { name, description, params };
  });
}

function readRoot(p: Parsed): YAMLMap {
  const root = p.doc.contents;
  if (!isMap(root)) fail(p, root, 'the file must be a YAML mapping');
  return root;
}

/**
 * Builds charm metadata from the files of a charm: `charmcraft.yaml`, or
 * `metadata.yaml` with an optional `actions.yaml`.
 */
export function parseCharmFiles(files: CharmFiles): CharmMeta {
  const mainFile = files['charmcraft.yaml'] !== undefined ? 'charmcraft.yaml' : files['metadata.yaml'] !== undefined ? 'metadata.yaml' : null;
  if (mainFile === null) throw new MetadataError('charm', null, 'no metadata.yaml or charmcraft.yaml found');
  const p = parse(mainFile, files[mainFile] as string);
  const root = readRoot(p);
  const nameNode = root.get('name', true) as Node | undefined;
  if (!nameNode) fail(p, root, 'missing required field "name"');
  const name = scalarString(p, nameNode, '"name"');
  if (!NAME.test(name)) fail(p, nameNode, `charm name "${name}" must be lower-case letters, digits and hyphens`);
  const summaryNode = root.get('summary', true);
  const summary = isScalar(summaryNode) ? String(summaryNode.value).trim() : '';
  const subNode = root.get('subordinate', true) as Node | undefined;
  let subordinate = false;
  if (subNode !== undefined) {
    if (!isScalar(subNode) || typeof subNode.value !== 'boolean') fail(p, subNode, '"subordinate" must be true or false');
    subordinate = subNode.value as boolean;
  }
  const endpoints = readEndpoints(p, root);
  if (subordinate && !endpoints.some((e) => e.role === 'requires' && e.scope === 'container')) {
    fail(p, subNode, `subordinate charm "${name}" lacks a "requires" endpoint with container scope`);
  }
  let actions = readActions(p, root.get('actions', true));
  const actionsText = files['actions.yaml'];
  if (mainFile === 'metadata.yaml' && actionsText !== undefined) {
    const a = parse('actions.yaml', actionsText);
    actions = readActions(a, a.doc.contents ?? undefined);
  }
  return { name, summary, subordinate, endpoints, actions };
}
