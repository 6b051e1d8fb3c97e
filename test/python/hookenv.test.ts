/**
 * The Python host with hook scripts (charmhelpers style): hookenv over the hook tools, the
 * subprocess shim a charm's own charmhelpers uses, the sandbox (fresh process, files,
 * determinism, budget, no way out) and the masterworker charms matching the catalog's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PythonHost } from '../../src/engine/python.ts';
import type { HookRecord } from '../../src/engine/trace.ts';
import { loadPythonHost } from '../../src/python/load.ts';
import { runtimeSources } from '../../src/python/sources.ts';
import { readRuntimeSources } from '../../src/python/sourcesNode.ts';
import { hookRecords, sim } from '../helpers.ts';
import { charmFolder, PROVIDES_DB, REQUIRES_DB } from './fixtures.ts';
import { pyModel } from './harness.ts';

let host: PythonHost;
beforeAll(async () => {
  host = await loadPythonHost({ sources: runtimeSources });
}, 120_000);

/** A charm of hook scripts: `hooks/<name>` → its Python body. */
function scripts(metadata: string, hooks: Record<string, string>, extra: Record<string, string> = {}): Record<string, string> {
  const files: Record<string, string> = { 'metadata.yaml': metadata, ...extra };
  for (const [name, body] of Object.entries(hooks)) files[`hooks/${name}`] = `#!/usr/bin/env python3\n${body}\n`;
  return files;
}

const hook = (records: readonly HookRecord[], unit: string, name: string): HookRecord => {
  const r = records.find((h) => h.unit === unit && h.hook === name);
  if (!r) throw new Error(`no ${name} on ${unit}: ${records.map((h) => `${h.unit} ${h.hook}`).join(', ')}`);
  return r;
};

describe('runtime sources', () => {
  it('are the same files through Vite and through the Node reader', () => {
    expect(readRuntimeSources()).toEqual(runtimeSources);
    expect(Object.keys(runtimeSources)).toContain('ops/model.py');
  });
});

describe('hookenv', () => {
  it('reads and writes relation data, lists relations and units, and logs, with charmhelpers names', () => {
    const m = pyModel(host);
    m.deploy('db', scripts(PROVIDES_DB, {
      'db-relation-joined': [
        'from charmhelpers.core import hookenv',
        "hookenv.log(f'{hookenv.local_unit()} {hookenv.service_name()} {hookenv.hook_name()} {hookenv.relation_type()}')",
        "hookenv.log(f'{hookenv.relation_id()} {hookenv.relation_ids()} {hookenv.remote_unit()} {hookenv.related_units()}')",
        "hookenv.log(f'leader={hookenv.is_leader()} addr={hookenv.relation_get(\"private-address\")} ip={hookenv.unit_private_ip()}')",
        "hookenv.relation_set(relation_settings={'host': 'db-host'}, port=5432)",
        "hookenv.relation_set(app=True, relation_settings={'database': 'main'})",
        "hookenv.log(str(hookenv.relation_get(unit=hookenv.local_unit())))",
        "hookenv.log('careful', hookenv.WARNING)",
        "hookenv.status_set('active', 'serving')",
      ].join('\n'),
    }));
    m.deploy('web', scripts(REQUIRES_DB, {
      'db-relation-changed': [
        'import hookenv',
        'if hookenv.remote_unit():',
        "    hookenv.log(f\"host={hookenv.relation_get('host')} port={hookenv.relation_get('port')} missing={hookenv.relation_get('nope')}\")",
        'else:',
        "    hookenv.log(f\"app={hookenv.relation_get(app='db')}\")",
      ].join('\n'),
    }));
    m.run('juju integrate db web');
    const joined = hook(m.hooks(), 'db/0', 'db-relation-joined');
    expect(joined.error).toBeNull();
    expect(joined.logs.slice(0, 3)).toEqual([
      'db/0 db db-relation-joined db',
      "db:0 ['db:0'] web/0 ['web/0']",
      `leader=True addr=${m.state.units.get('web/0')?.address} ip=${m.state.units.get('db/0')?.address}`,
    ]);
    expect(joined.logs[3]).toContain("'host': 'db-host'");
    expect(joined.logs[3]).toContain("'port': '5432'");
    expect(joined.logs[4]).toBe('WARNING: careful');
    expect(joined.status).toEqual({ workload: 'active', message: 'serving' });
    const changed = m.hooks().filter((h) => h.unit === 'web/0' && h.hook === 'db-relation-changed');
    expect(changed.every((h) => h.result === 'ok')).toBe(true);
    const logs = changed.flatMap((h) => h.logs);
    expect(logs).toContain('host=db-host port=5432 missing=None');
    expect(logs).toContain("app={'database': 'main'}");
  });

  it("fails the hook with the hook tool's ERROR text, and relation_set(key=None) deletes", () => {
    const m = pyModel(host);
    m.deploy('db', scripts(PROVIDES_DB, {
      'db-relation-joined': "import hookenv\nhookenv.relation_set(gone='soon')",
      'db-relation-changed': "import hookenv\nhookenv.relation_set(gone=None)",
    }), 2);
    m.deploy('web', scripts(REQUIRES_DB, {}));
    m.run('juju integrate db web');
    expect(m.state.relations.get(0)?.unitBags.get('db/0')?.data.has('gone')).toBe(false);
    expect(m.hooks().some((h) => h.unit === 'db/0' && h.changes.some((c) => c.diff.removed['gone'] === 'soon'))).toBe(true);
    const follower = [...m.state.units.values()].find((u) => u.app === 'db' && m.state.apps.get('db')?.leader !== u.name)?.name ?? '';
    const n = pyModel(host);
    n.deploy('db', scripts(PROVIDES_DB, { 'db-relation-joined': "import hookenv\nhookenv.relation_set(app=True, x='1')" }), 2);
    n.deploy('web', scripts(REQUIRES_DB, {}));
    n.run('juju integrate db web');
    const failed = hook(n.hooks(), follower, 'db-relation-joined');
    expect(failed.result).toBe('error');
    expect(failed.error).toMatch(/^Traceback \(most recent call last\):\n {2}File "hooks\/db-relation-joined", line 3, in <module>\n/);
    expect(failed.error).toMatch(/_relviz\.tools\.HookToolError: ERROR cannot write relation settings$/);
  });

  it('runs a charm that ships its own charmhelpers-style lib/hookenv.py through the subprocess shim', () => {
    const lib = [
      'import json, subprocess',
      'def relation_get(attribute=None, unit=None, rid=None):',
      "    cmd = ['relation-get', '--format=json']",
      "    if rid: cmd += ['-r', rid]",
      "    cmd.append(attribute or '-')",
      '    if unit: cmd.append(unit)',
      '    try:',
      "        return json.loads(subprocess.check_output(cmd).decode('UTF-8'))",
      '    except subprocess.CalledProcessError as e:',
      '        if e.returncode == 2: return None',
      '        raise',
      'def relation_set(relation_id=None, relation_settings=None, **kwargs):',
      "    cmd = ['relation-set']",
      "    accepts_file = '--file' in subprocess.check_output(cmd + ['--help'], universal_newlines=True)",
      "    if relation_id is not None: cmd.extend(('-r', relation_id))",
      '    settings = dict(relation_settings or {}, **kwargs)',
      "    cmd += ['{}={}'.format(k, '' if v is None else v) for k, v in settings.items()]",
      '    subprocess.check_call(cmd)',
      '    return accepts_file',
      "def log(message, level=None):",
      "    subprocess.call(['juju-log'] + (['-l', level] if level else []) + [message])",
      'def status_set(state, message):',
      "    subprocess.check_call(['status-set', state, message])",
      'def is_leader():',
      "    return json.loads(subprocess.check_output(['is-leader', '--format=json']))",
      'def config(key=None):',
      "    out = json.loads(subprocess.check_output(['config-get', '--all', '--format=json']))",
      '    return out if key is None else out.get(key)',
    ].join('\n');
    const m = pyModel(host);
    m.deploy('db', scripts(PROVIDES_DB, {
      'db-relation-joined': [
        'import subprocess',
        'import hookenv',
        "assert hookenv.__file__.endswith('lib/hookenv.py'), hookenv.__file__",
        "hookenv.log(f'file={hookenv.relation_set(a=\"1\")} leader={hookenv.is_leader()} port={hookenv.config(\"port\")}')",
        "hookenv.log(str(hookenv.relation_get('private-address', 'web/0') is not None))",
        "hookenv.status_set('blocked', 'two words')",
        "out = subprocess.run(['relation-ids', 'db'], capture_output=True, text=True)",
        "hookenv.log(f'{out.returncode} {out.stdout.strip()}')",
        "bad = subprocess.run(['relation-get', '-r', 'db:99', '-', 'web/0'], capture_output=True, text=True)",
        "hookenv.log(f'{bad.returncode} {bad.stderr.strip()}')",
        'try:',
        "    subprocess.check_output(['ls', '-l'])",
        'except FileNotFoundError as e:',
        '    hookenv.log(str(e))',
      ].join('\n'),
    }, { 'lib/hookenv.py': lib, 'config.yaml': 'options:\n  port:\n    type: int\n    default: 5432\n' }));
    m.deploy('web', scripts(REQUIRES_DB, {}));
    m.run('juju integrate db web');
    const joined = hook(m.hooks(), 'db/0', 'db-relation-joined');
    expect(joined.error).toBeNull();
    expect(joined.logs).toEqual([
      'file=False leader=True port=5432',
      'True',
      '0 db:0',
      // (An unknown -r is refused before the tool runs: exit 2, as in Juju's relation-get_test.go.)
      '2 ERROR invalid value "db:99" for option -r: relation not found',
      "[Errno 2] relviz: a charm's sandbox runs hook tools only, not 'ls' (see docs/python-charms.md)",
    ]);
    expect(joined.changes[0]?.diff.added).toEqual({ a: '1' });
    expect(joined.status).toEqual({ workload: 'blocked', message: 'two words' });
  });
});

describe('the sandbox', () => {
  it('starts every hook as a fresh process: module globals never carry over', () => {
    const counter = "import helper\nhelper.COUNT += 1\nimport hookenv\nhookenv.log(f'count={helper.COUNT} main={globals().get(\"SEEN\")}')\nSEEN = 1";
    const m = pyModel(host);
    m.deploy('db', scripts(PROVIDES_DB, { install: counter, start: counter, 'config-changed': counter }, { 'lib/helper.py': 'COUNT = 0\n' }), 2);
    const logs = m.hooks().flatMap((h) => h.logs);
    expect(logs).toHaveLength(6);
    expect(new Set(logs)).toEqual(new Set(['count=1 main=None']));
  });

  it('keeps the unit’s files: written, changed and removed files are reported; unchanged charm files are not', () => {
    const m = pyModel(host);
    m.deploy('db', scripts(PROVIDES_DB, {
      install: "import pathlib\nopen('a.txt', 'w').write('one')\npathlib.Path('data/b.txt').parent.mkdir()\npathlib.Path('data/b.txt').write_text('two')",
      'config-changed': "import os\nassert open('a.txt').read() == 'one'\nos.remove('a.txt')\nopen('data/b.txt', 'a').write('!')",
      start: "import os\nassert not os.path.exists('a.txt')\nassert os.getcwd() == os.environ['JUJU_CHARM_DIR']",
    }));
    const byHook = Object.fromEntries(m.hooks().map((h) => [h.hook, h]));
    expect(byHook['install']?.files).toEqual([{ path: 'a.txt', content: 'one' }, { path: 'data/b.txt', content: 'two' }]);
    expect(byHook['config-changed']?.files).toEqual([{ path: 'data/b.txt', content: 'two!' }, { path: 'a.txt', content: null }]);
    expect(byHook['start']?.result).toBe('ok');
    expect([...(m.state.units.get('db/0')?.files ?? new Map())]).toEqual([['data/b.txt', 'two!']]);
  });

  it('gives the same trace for the same seed, and random, time, uuid and secrets come from the engine', () => {
    const body = [
      'import random, time, uuid, secrets, os, datetime, hookenv',
      't0 = time.time()',
      'time.sleep(30)',
      "hookenv.log(f'{random.random():.6f} {random.randint(1, 6)} {random.choice(\"abc\")} {uuid.uuid4()} {secrets.token_hex(4)} {os.urandom(2).hex()}')",
      "hookenv.log(f'{time.time() - t0} {datetime.datetime.now().isoformat()} {datetime.datetime.now(datetime.timezone.utc).year}')",
    ].join('\n');
    const runOnce = (seed: number) => {
      const m = pyModel(host, { seed });
      m.deploy('db', scripts(PROVIDES_DB, { install: body }), 2);
      return m.hooks().map((h) => ({ unit: h.unit, hook: h.hook, logs: h.logs }));
    };
    const a = runOnce(7);
    expect(runOnce(7)).toEqual(a);
    expect(runOnce(8)).not.toEqual(a);
    expect(a[0]?.logs[1]).toMatch(/^30\.0 2026-01-01T00:00:\d\d(\.\d+)? 2026$/);
  });

  it('draws exactly one engine number per random.random() (and 32 bits a draw for getrandbits)', () => {
    const draws: number[] = [];
    const counting: PythonHost = {
      runHook(ctx, req) {
        const out = host.runHook(ctx, req);
        draws.push(ctx.draws);
        return out;
      },
    };
    const n = pyModel(counting);
    n.deploy('db', scripts(PROVIDES_DB, { install: 'import random\nfor _ in range(4): random.random()\nrandom.getrandbits(64)\nrandom.randbytes(4)' }));
    expect(draws[0]).toBe(4 + 2 + 1);
  });

  it('stops an endless loop at its budget with the line it was on', () => {
    const m = pyModel(host, { budget: 200_000 });
    m.deploy('db', scripts(PROVIDES_DB, { install: 'import hookenv\nn = 0\nwhile True:\n    try:\n        n += 1\n    except BaseException:\n        pass' }));
    const install = hook(m.hooks(), 'db/0', 'install');
    expect(install.result).toBe('error');
    expect(install.error).toMatch(/^relviz stopped this hook: it ran more than 200,000 Python lines \(an endless loop\?\) at hooks\/install line [3-7]$/);
  });

  it('shows a traceback with the charm’s own files and lines; sys.exit(0) succeeds and sys.exit(3) fails', () => {
    const m = pyModel(host);
    m.deploy('db', scripts(PROVIDES_DB, {
      install: 'import helper\n\n\nhelper.go({})',
      'config-changed': 'import sys\nprint("bye")\nsys.exit(0)',
      start: 'import sys\nsys.exit(3)',
    }, { 'lib/helper.py': 'def go(d):\n    return d["missing"]\n' }));
    expect(hook(m.hooks(), 'db/0', 'install').error).toBe(
      [
        'Traceback (most recent call last):',
        '  File "hooks/install", line 5, in <module>',
        '    helper.go({})',
        '  File "lib/helper.py", line 2, in go',
        '    return d["missing"]',
        "KeyError: 'missing'",
      ].join('\n'),
    );
    m.run('juju resolve db/0 --no-retry');
    const cc = hook(m.hooks(), 'db/0', 'config-changed');
    expect([cc.result, cc.logs]).toEqual(['ok', ['DEBUG: bye']]);
    expect(hook(m.hooks(), 'db/0', 'start').error).toBe('exit status 3');
  });

  it('has no way out: js, pyodide and micropip cannot be imported, and sockets and urllib fail', () => {
    const m = pyModel(host);
    const tries = ['js', 'pyodide', 'pyodide_js', 'micropip', '_pyodide', '_relviz_host'].map(
      (name) => `try:\n    import ${name}\n    hookenv.log('imported ${name}')\nexcept ImportError as e:\n    hookenv.log(str(e))`,
    );
    m.deploy('db', scripts(PROVIDES_DB, {
      install: ['import hookenv', ...tries].join('\n'),
      start: [
        'import hookenv, socket, urllib.request',
        'for attempt in (lambda: socket.create_connection(("example.com", 80)), lambda: urllib.request.urlopen("http://example.com")):',
        '    try:',
        '        attempt()',
        '    except OSError as e:',
        '        hookenv.log(str(e))',
      ].join('\n'),
    }));
    m.deploy('web', scripts(REQUIRES_DB, {
      install: [
        'import hookenv',
        'from _relviz import bridge',
        "for way in (lambda: bridge._host.tool.constructor, lambda: bridge._host.constructor, lambda: bridge._host.log.call):",
        '    try:',
        "        hookenv.log(f'escaped: {way()}')",
        '    except AttributeError as e:',
        "        hookenv.log(f'no {e}')",
      ].join('\n'),
    }));
    const install = hook(m.hooks(), 'db/0', 'install');
    expect(install.logs).toHaveLength(6);
    for (const line of install.logs) expect(line).toMatch(/^relviz: a charm cannot import \S+ \(the sandbox has no way out/);
    // The bridge's functions have no prototype: no way to JavaScript's Function constructor through them.
    expect(hook(m.hooks(), 'web/0', 'install').logs).toEqual(['no constructor', 'no constructor', 'no call']);
    expect(hook(m.hooks(), 'db/0', 'start').logs).toEqual([
      "relviz: no network in a charm's sandbox",
      "relviz: no network in a charm's sandbox",
    ]);
  });
});

describe('the masterworker charms in Python', () => {
  const pick = (r: HookRecord) => ({ unit: r.unit, hook: r.hook, remote: r.remoteUnit, result: r.result, changes: r.changes, files: r.files, logs: r.logs, status: r.status });

  it('give the same hooks, databags, files, status and logs as the catalog charms, on many seeds', () => {
    const master = charmFolder('master');
    const worker = charmFolder('worker');
    for (let seed = 1; seed <= 6; seed++) {
      const ts = sim('juju deploy master\njuju deploy worker -n 2\njuju relate master worker', { seed });
      ts.run('juju run master/0 broadcast-message message="Hello there"');
      ts.run('juju remove-unit worker/1');
      const py = pyModel(host, { seed });
      py.deploy('master', master);
      py.deploy('worker', worker, 2);
      py.run('juju integrate master worker');
      py.run('juju run master/0 broadcast-message message="Hello there"');
      py.run('juju remove-unit worker/1');
      expect(py.hooks().map(pick)).toEqual(hookRecords(ts.timeline.trace).map(pick));
    }
  });
});
