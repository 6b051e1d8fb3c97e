/**
 * Python 3 for the export's tests, when the machine has it: compile generated modules
 * and read their literals back with Python's own parser (ops is not needed: nothing is
 * imported or run). Tests that need it are skipped, with a message, where it is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const probe = spawnSync('python3', ['--version'], { encoding: 'utf8' });
export const PYTHON = probe.status === 0 ? probe.stdout.trim() || probe.stderr.trim() : null;
export const NO_PYTHON = PYTHON === null;
if (NO_PYTHON) console.warn('python3 not found: the tests that compile and parse the exported Python are skipped');

/** Runs python3 on a program with files written to a temp dir (name → text); returns stdout, throws with stderr. */
export function runPython(program: string, files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'relviz-py-'));
  try {
    const paths = Object.entries(files).map(([name, text]) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    });
    const r = spawnSync('python3', ['-c', program, ...paths], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`python3 failed (${r.status}):\n${r.stderr}`);
    return r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Compiles each module as `python3 -m py_compile` does; throws with the first SyntaxError. */
export function pyCompile(files: Readonly<Record<string, string>>): void {
  runPython('import py_compile, sys\nfor p in sys.argv[1:]:\n    py_compile.compile(p, doraise=True, cfile=p + "c")\n', files);
}

/**
 * Reads the tests of an exported module back with Python's `ast`: for each test
 * function, every `name = testing.<Relation type>(…)` with its keyword literals, the
 * State's leader, relation names and status, and the event. Dicts come back as
 * `{ __dict__: [[key, value], …] }` so that int keys stay ints.
 */
export const READ_BACK = String.raw`
import ast, json, sys

def conv(v):
    if isinstance(v, dict):
        return {'__dict__': [[conv(k), conv(x)] for k, x in v.items()]}
    if isinstance(v, (list, tuple)):
        return [conv(x) for x in v]
    return v

def call_name(node):
    f = node.func
    parts = []
    while isinstance(f, ast.Attribute):
        parts.append(f.attr)
        f = f.value
    if isinstance(f, ast.Name):
        parts.append(f.id)
    return '.'.join(reversed(parts))

def arg(node):
    if isinstance(node, ast.Name):
        return {'name': node.id}
    if isinstance(node, ast.List):
        return [arg(e) for e in node.elts]
    if isinstance(node, ast.Call):
        return {'call': call_name(node), 'args': [arg(a) for a in node.args]}
    return conv(ast.literal_eval(node))

out = []
for path in sys.argv[1:]:
    tree = ast.parse(open(path, encoding='utf-8').read(), path)
    tests = []
    for fn in tree.body:
        if not isinstance(fn, ast.FunctionDef):
            continue
        test = {'name': fn.name, 'relations': {}, 'state': None, 'event': None}
        for st in ast.walk(fn):
            if not (isinstance(st, ast.Assign) and isinstance(st.value, ast.Call)):
                continue
            target = st.targets[0].id
            name = call_name(st.value)
            kw = {k.arg: arg(k.value) for k in st.value.keywords}
            if name in ('testing.Relation', 'testing.PeerRelation', 'testing.SubordinateRelation'):
                test['relations'][target] = {'type': name.split('.')[1], 'kw': kw}
            elif name == 'testing.State':
                test['state'] = kw
            elif target == 'event':
                test['event'] = {'method': name, 'args': [arg(a) for a in st.value.args], 'kw': kw}
        tests.append(test)
    out.append(tests)
print(json.dumps(out))
`;

export type PyJson = string | number | boolean | null | PyJson[] | { __dict__: Array<[PyJson, PyJson]> } | { name: string } | { call: string; args: PyJson[] };

export interface ReadTest {
  name: string;
  relations: Record<string, { type: string; kw: Record<string, PyJson> }>;
  state: Record<string, PyJson> | null;
  event: { method: string; args: PyJson[]; kw: Record<string, PyJson> } | null;
}

/** Reads modules back (see READ_BACK): per module, its tests. */
export function readBack(modules: readonly string[]): ReadTest[][] {
  const files = Object.fromEntries(modules.map((m, i) => [`test_${i}.py`, m]));
  return JSON.parse(runPython(READ_BACK, files)) as ReadTest[][];
}

/** A read-back dict as a plain object (string keys) or entries (int keys). */
export function dictOf(v: PyJson | undefined): Array<[PyJson, PyJson]> {
  if (v && typeof v === 'object' && '__dict__' in v) return v.__dict__;
  throw new Error(`not a dict: ${JSON.stringify(v)}`);
}

export function bagOf(v: PyJson | undefined): Record<string, string> {
  return Object.fromEntries(dictOf(v).map(([k, x]) => [k as string, x as string]));
}
