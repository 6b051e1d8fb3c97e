/**
 * Real histories in (src/io/trace/): each format read with file and line, several
 * files merged by time, the fixtures' real traces accepted, and one hand-made
 * violation per guarantee — each built by mutating a real trace (a fixture, or
 * relviz's own JSON lines of an example) — flagged with its rule.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main as checkTraceMain } from '../../src/cli/checkTrace.ts';
import { checkHistory, type RuleId } from '../../src/io/trace/check.ts';
import { detectFormat, readHistory, TraceReadError, type TraceFile } from '../../src/io/trace/read.ts';
import { hookJsonLine } from '../../src/io/report.ts';
import type { HookRecord } from '../../src/engine/trace.ts';
import { sim } from '../helpers.ts';

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures/debug-log');
const EXAMPLES = join(import.meta.dirname, '../../examples');
const fixture = (name: string): TraceFile => ({ name, text: readFileSync(join(FIXTURES, name), 'utf8') });

/** relviz's own JSON lines of an example script, as `sim --json` prints them (hooks only). */
function relvizJson(example: string): string[] {
  const run = sim(readFileSync(join(EXAMPLES, example), 'utf8'));
  return run.hooks().filter((h: HookRecord) => h.kind !== 'action').map(hookJsonLine);
}

type JsonHook = { seq: number; unit: string; hook: string; relation_id: string | null; remote_unit: string | null; departing_unit: string | null; result: string };
const parse = (lines: readonly string[]) => lines.map((l) => JSON.parse(l) as JsonHook);
const indexOf = (lines: readonly string[], test: (h: JsonHook) => boolean, from = 0) => {
  const i = parse(lines).findIndex((h, k) => k >= from && test(h));
  if (i < 0) throw new Error('the example has no such hook');
  return i;
};
const move = (lines: readonly string[], from: number, to: number) => {
  const out = [...lines];
  const [line] = out.splice(from, 1);
  out.splice(to, 0, line as string);
  return out;
};

function rulesFlagged(files: TraceFile[]): RuleId[] {
  return checkHistory(readHistory(files).hooks).findings.map((f) => f.rule);
}
const json = (lines: readonly string[]): TraceFile[] => [{ name: 'relviz.jsonl', text: lines.join('\n') }];

describe('reading real histories', () => {
  it('finds each format from its lines', () => {
    expect(detectFormat(fixture('jhack-tail_mocks-real-pgql-machine-log.txt').text)).toBe('debug-log');
    expect(detectFormat('Time                   Type       Status     Message\n01 Dec 2025 10:05:45Z  juju-unit  executing  running db-relation-changed hook\n')).toBe('show-status-log');
    expect(detectFormat('2026-08-25 09:21:53 unit-otelcol-0: otelcol/0 uniter (run install hook), waited 0s, held 2s\n')).toBe('machine-lock');
    expect(detectFormat(relvizJson('masterworker.juju').join('\n'))).toBe('relviz-json');
    expect(detectFormat('just some text\nnothing here\n')).toBeNull();
  });

  it('reads debug-log: the uniter line is the hook, ops adds the relation id, each record keeps its lines', () => {
    const h = readHistory([fixture('jhack-tail_mocks-real-pgql-machine-log.txt')]).hooks;
    expect(h.map((x) => x.hook).slice(0, 5)).toEqual(['archive-storage-attached', 'data-storage-attached', 'temp-storage-attached', 'logs-storage-attached', 'install']);
    const created = h.find((x) => x.hook === 'database-peers-relation-created');
    expect(created).toMatchObject({ unit: 'postgresql/0', kind: 'relation-created', endpoint: 'database-peers', relationId: 2, remoteUnit: undefined, outcome: 'ran', format: 'debug-log' });
    const text = fixture('jhack-tail_mocks-real-pgql-machine-log.txt').text.split('\n');
    expect(text[(created?.source.line ?? 0) - 1]).toContain('ran "database-peers-relation-created" hook');
    expect(text[(created?.also[0]?.line ?? 0) - 1]).toContain('Emitting Juju event database_peers_relation_created');
  });

  it('reads the uniter\'s DEBUG operation lines for the remote unit, and a unit\'s own log with --unit', () => {
    const log = [
      '2020-06-01 10:33:27 DEBUG juju.worker.uniter.operation executor.go:83 running operation run relation-joined (2; unit: postgresql/1) hook',
      '2020-06-01 10:33:28 INFO juju.worker.uniter.operation runhook.go:145 ran "db-relation-joined" hook (via hook dispatching script: dispatch)',
      '2020-06-01 10:33:30 DEBUG juju.worker.uniter.operation executor.go:83 running operation run relation-departed (2; unit: postgresql/1, departee: postgresql/1) hook',
      '2020-06-01 10:33:31 INFO juju.worker.uniter.operation runhook.go:145 skipped "db-relation-departed" hook (missing)',
    ].join('\n');
    const noUnit = readHistory([{ name: 'unit.log', text: log }]);
    expect(noUnit.hooks).toEqual([]);
    expect(noUnit.files[0]?.problems.join()).toContain('give the unit with --unit');
    const h = readHistory([{ name: 'unit.log', text: log }], { unit: 'webapp/0' }).hooks;
    expect(h).toMatchObject([
      { unit: 'webapp/0', hook: 'db-relation-joined', relationId: 2, remoteUnit: 'postgresql/1', remoteApp: 'postgresql', source: { line: 2 }, also: [{ line: 1 }] },
      { hook: 'db-relation-departed', remoteUnit: 'postgresql/1', departingUnit: 'postgresql/1', outcome: 'skipped' },
    ]);
  });

  it('reads show-status-log, its unit from the pasted command line or the file name, and marks the hook that failed', () => {
    const table = [
      'Time                   Type       Status     Message',
      '01 Dec 2025 10:05:44Z  juju-unit  executing  running db-relation-joined hook for pg/1',
      '01 Dec 2025 10:05:45Z  juju-unit  error      hook failed: "db-relation-joined"',
      '01 Dec 2025 10:05:46Z  workload   active',
      '01 Dec 2025 10:05:47Z  juju-unit  executing  running db-relation-changed hook',
    ];
    const pasted = readHistory([{ name: 'x.txt', text: ['$ juju show-status-log grafana/0 --type juju-unit', ...table].join('\n') }]).hooks;
    expect(pasted).toMatchObject([
      { unit: 'grafana/0', hook: 'db-relation-joined', remoteUnit: 'pg/1', outcome: 'failed', source: { line: 3 }, also: [{ line: 4 }] },
      { unit: 'grafana/0', hook: 'db-relation-changed', remoteUnit: null },
    ]);
    expect(readHistory([{ name: 'logs/grafana-k8s-2.log', text: table.join('\n') }]).hooks[0]?.unit).toBe('grafana-k8s/2');
    expect(() => readHistory([{ name: 'status.txt', text: table.join('\n') }])).not.toThrow();
    expect(readHistory([{ name: 'status.txt', text: table.join('\n') }]).files[0]?.problems.join()).toContain('prints no unit name');
  });

  it('reads machine-lock.log and jhack tail (rich table newest first, raw printer oldest first)', () => {
    const lock = readHistory([{ name: 'machine-lock.log', text: '2026-08-25 09:22:39 unit-otelcol-0: otelcol/0 uniter (run relation-joined (45; unit: remote-b/2) hook), waited 0s, held 46s\n' }]).hooks;
    expect(lock).toMatchObject([{ unit: 'otelcol/0', hook: 'relation-joined', kind: 'relation-joined', endpoint: undefined, relationId: 45, remoteUnit: 'remote-b/2' }]);
    const rich = ['┏━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┓', '┃ tail v0.4.1  ┃ trfk/0*                   ┃ prom/0       ┃', '┡━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━┩', '│ 14:11:55     │                           │ start        │', '│ 14:11:54     │ ingress_relation_changed  │              │', '│ 14:11:53     │ ingress_relation_joined   │              │', '└──────────────┴───────────────────────────┴──────────────┘'].join('\n');
    expect(readHistory([{ name: 'tail.txt', text: rich }]).hooks.map((h) => `${h.unit} ${h.hook}`)).toEqual(['trfk/0 ingress-relation-joined', 'trfk/0 ingress-relation-changed', 'prom/0 start']);
    const raw = ['TIMESTAMP | ====== TRFK/0 ====== | ====== PROM/0 ====== |', '14:11:53  | install              |          .           |', '14:11:54  |          .           | install              |'].join('\n');
    expect(readHistory([{ name: 'tail.txt', text: raw }]).hooks.map((h) => `${h.unit} ${h.hook}`)).toEqual(['trfk/0 install', 'prom/0 install']);
  });

  it('merges files by time, each file in its own order, and counts a hook two files tell of once', () => {
    const a = { name: 'a.log', text: 'unit-a-0: 10:00:01 INFO juju.worker.uniter.operation ran "install" hook\nunit-a-0: 10:00:05 INFO juju.worker.uniter.operation ran "start" hook\n' };
    const b = { name: 'b.log', text: 'unit-b-0: 10:00:03 INFO juju.worker.uniter.operation ran "install" hook\nunit-a-0: 10:00:05 INFO juju.worker.uniter.operation ran "start" hook\n' };
    const history = readHistory([a, b]);
    expect(history.hooks.map((h) => `${h.unit} ${h.hook} ${h.source.file}:${h.source.line}`)).toEqual(['a/0 install a.log:1', 'b/0 install b.log:1', 'a/0 start a.log:2']);
    expect(history.hooks[2]?.also).toEqual([{ file: 'b.log', line: 2 }]);
    expect(history.notes.join()).toContain('appeared in two files');
  });

  it('refuses what it cannot read, naming the file, and bounds the input', () => {
    expect(() => readHistory([{ name: 'notes.md', text: 'hello\n' }])).toThrow(new TraceReadError('notes.md: not a history relviz reads (debug-log, show-status-log, jhack tail, machine-lock.log or relviz JSON lines)'));
    expect(() => readHistory([{ name: 'huge.log', text: 'x'.repeat(64 * 1024 * 1024 + 1) }])).toThrow(/at most 64 MB/);
    expect(() => readHistory([])).toThrow(/no history/);
  });
});

describe('the checker on real traces', () => {
  const real = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'));

  it.each(real.filter((f) => !/log-failed-events|interlace/.test(f)))('accepts %s: no hook is ruled out', (name) => {
    const history = readHistory([fixture(name)]);
    expect(history.hooks.length).toBeGreaterThan(0);
    expect(checkHistory(history.hooks).findings).toEqual([]);
  });

  it('finds no hook in a log of controller lines only (the interlacing mock)', () => {
    expect(readHistory([fixture('jhack-tail_mocks-interlace-log-combined.txt')]).hooks).toEqual([]);
  });

  it('flags the failed-events mock, whose lines are not in the order hooks ran (times run backwards)', () => {
    // jhack's test mock for failed events: the joined event is logged after the created
    // hook started and before it failed; one hook at a time makes that impossible.
    expect(rulesFlagged([fixture('jhack-tail_mocks-log-failed-events.txt')])).toEqual(['G5', 'G4']);
  });

  it.each(['masterworker.juju', 'peers-leader.juju', 'subordinates.juju', 'ops-guide.juju', 'failures.juju'])("accepts relviz's own trace of %s", (example) => {
    expect(rulesFlagged(json(relvizJson(example)))).toEqual([]);
  });

  it('says what it cannot tell rather than guess: a history that starts mid-life is not judged before its first record', () => {
    const report = checkHistory(readHistory([fixture('jhack-tail_mocks-jdl_cos_lite.txt')]).hooks);
    expect(report.partialUnits).toContain('loki/0');
    expect(report.cannotTell.map((c) => c.rule)).toEqual(expect.arrayContaining(['G4', 'G5', 'G10']));
  });
});

describe('one hand-made violation per guarantee, from a real trace', () => {
  const pg = fixture('jhack-tail_mocks-real-pgql-machine-log.txt');
  const pgLines = pg.text.split('\n');
  const pgLine = (needle: string) => pgLines.findIndex((l) => l.includes(needle));
  const pgWith = (lines: string[]): TraceFile[] => [{ name: pg.name, text: lines.join('\n') }];
  const mw = relvizJson('masterworker.juju');

  it('G1: install twice', () => {
    const lines = [...pgLines];
    lines.splice(pgLine('ran "start" hook') + 1, 0, (pgLines[pgLine('ran "install" hook')] as string).replace('13:16:35', '13:16:55'));
    expect(rulesFlagged(pgWith(lines))).toContain('G1');
  });

  it('G2: start before config-changed', () => {
    const lines = move(pgLines, pgLine('ran "start" hook'), pgLine('ran "config-changed" hook'));
    expect(rulesFlagged(pgWith(lines))).toContain('G2');
  });

  it('G3: a peer relation-created after start', () => {
    const peers = relvizJson('peers-leader.juju');
    const created = indexOf(peers, (h) => h.unit === 'postgresql/1' && h.hook === 'replicas-relation-created');
    const start = indexOf(peers, (h) => h.unit === 'postgresql/1' && h.hook === 'start');
    expect(rulesFlagged(json(move(peers, created, start)))).toContain('G3');
  });

  it('G4: a relation hook before its relation-created', () => {
    const lines = move(pgLines, pgLine('ran "refresh-v-three-relation-changed"'), pgLine('Emitting Juju event refresh_v_three_relation_created'));
    const moved = move(lines, pgLine('Emitting Juju event refresh_v_three_relation_changed') + 1, pgLine('Emitting Juju event refresh_v_three_relation_created'));
    expect(rulesFlagged(pgWith(moved))).toContain('G4');
  });

  it('G5: relation-joined not followed by its relation-changed', () => {
    const joined = indexOf(mw, (h) => h.unit === 'master/0' && h.hook === 'master-application-relation-joined');
    const changed = indexOf(mw, (h) => h.unit === 'master/0' && h.hook === 'master-application-relation-changed', joined);
    expect(rulesFlagged(json(mw.filter((_, i) => i !== changed)))).toContain('G5');
  });

  it('G6: relation-joined twice for one remote unit', () => {
    const joined = indexOf(mw, (h) => h.unit === 'worker/0' && h.hook === 'master-relation-joined');
    const changed = indexOf(mw, (h) => h.unit === 'worker/0' && h.hook === 'master-relation-changed', joined);
    const lines = [...mw];
    lines.splice(changed + 1, 0, mw[joined] as string, mw[changed] as string);
    expect(rulesFlagged(json(lines))).toContain('G6');
  });

  it('G7: a hook about a remote unit after its relation-departed', () => {
    const departed = indexOf(mw, (h) => h.unit === 'master/0' && h.hook === 'master-application-relation-departed' && h.remote_unit === 'worker/1');
    const changed = indexOf(mw, (h) => h.unit === 'master/0' && h.hook === 'master-application-relation-changed' && h.remote_unit === 'worker/1');
    expect(rulesFlagged(json(move(mw, changed, departed)))).toContain('G7');
  });

  it('G8: relation-broken before a unit that joined has departed', () => {
    const broken = indexOf(mw, (h) => h.unit === 'master/0' && h.hook === 'master-application-relation-broken');
    const departed = indexOf(mw, (h) => h.unit === 'master/0' && h.hook === 'master-application-relation-departed' && h.remote_unit === 'worker/0');
    expect(rulesFlagged(json(move(mw, broken, departed)))).toContain('G8');
  });

  it('G9: a dying unit stops before its relation-broken', () => {
    const stop = indexOf(mw, (h) => h.unit === 'worker/1' && h.hook === 'stop');
    const broken = indexOf(mw, (h) => h.unit === 'worker/1' && h.hook === 'master-relation-broken');
    expect(rulesFlagged(json(move(mw, stop, broken)))).toContain('G9');
  });

  it('G12: another unit becomes leader before the dying leader ran remove', () => {
    const peers = relvizJson('peers-leader.juju');
    const elected = indexOf(peers, (h) => h.unit !== 'postgresql/0' && h.hook === 'leader-elected');
    const remove = indexOf(peers, (h) => h.unit === 'postgresql/0' && h.hook === 'remove');
    expect(rulesFlagged(json(move(peers, elected, remove)))).toContain('G12');
  });

  it("S1: a unit's relation-joined before its own start", () => {
    const joined = indexOf(mw, (h) => h.unit === 'worker/0' && h.hook === 'master-relation-joined');
    const start = indexOf(mw, (h) => h.unit === 'worker/0' && h.hook === 'start');
    const created = indexOf(mw, (h) => h.unit === 'worker/0' && h.hook === 'master-relation-created');
    const lines = move(move(mw, created, start), joined, start + 1);
    expect(rulesFlagged(json(lines))).toContain('S1');
  });

  it('S2: relation-changed for a remote unit that never joined', () => {
    const changed = indexOf(mw, (h) => h.unit === 'master/0' && h.hook === 'master-application-relation-changed' && h.remote_unit === 'worker/1');
    const lines = [...mw];
    lines[changed] = (lines[changed] as string).replace('"remote_unit":"worker/1"', '"remote_unit":"worker/7"');
    expect(rulesFlagged(json(lines))).toContain('S2');
  });
});

describe('npm run check-trace', () => {
  const run = (args: string[], files: Record<string, string> = {}) => {
    let out = '';
    let err = '';
    const code = checkTraceMain(args, {
      out: (t) => (out += t),
      err: (t) => (err += t),
      readText: (path) => {
        const text = files[path];
        if (text === undefined) throw new Error('ENOENT: no such file');
        return text;
      },
    });
    return { code, out, err };
  };
  const good = fixture('jhack-tail_mocks-real-pgql-machine-log.txt').text;
  // The same history with install run again at its end.
  const bad = `${good.trimEnd()}\n${good.split('\n').find((l) => l.includes('ran "install" hook'))?.replace('13:16:35', '13:59:59')}\n`;

  it('exits 0 when nothing is ruled out, 1 when something is, 2 on unreadable input', () => {
    expect(run(['pg.log'], { 'pg.log': good })).toMatchObject({ code: 0, out: expect.stringContaining("Result: no hook is ruled out by Juju's guarantees") });
    const flagged = run(['pg.log'], { 'pg.log': bad });
    expect(flagged.code).toBe(1);
    expect(flagged.out).toMatch(/✗ G1 pg\.log:\d+ {2}postgresql\/0 ran install again/);
    expect(run(['missing.log'])).toMatchObject({ code: 2, err: expect.stringContaining('cannot read missing.log') });
    expect(run(['notes.txt'], { 'notes.txt': 'hello' })).toMatchObject({ code: 2, err: expect.stringContaining('not a history relviz reads') });
    expect(run([])).toMatchObject({ code: 2, err: expect.stringContaining('usage:') });
    expect(run(['x', '--format', 'nope'])).toMatchObject({ code: 2, err: expect.stringContaining('unknown format "nope"') });
  });

  it('reads stdin as -, named stdin in what it prints', () => {
    const flagged = run(['-'], { '-': bad });
    expect(flagged.code).toBe(1);
    expect(flagged.out).toMatch(/✗ G1 stdin:\d+ /);
  });

  it('--json gives the findings with file and line, and what could not be told', () => {
    const { code, out } = run(['pg.log', '--json'], { 'pg.log': bad });
    expect(code).toBe(1);
    const report = JSON.parse(out) as { findings: { rule: string; file: string; line: number; unit: string }[]; cannot_tell: unknown[]; limits: string[] };
    expect(report.findings[0]).toMatchObject({ rule: 'G1', file: 'pg.log', unit: 'postgresql/0' });
    expect(report.limits[0]).toContain('debug-log at INFO');
  });
});

describe('the check as the app runs it (src/worker/traceCheck.ts)', () => {
  it('gives the report and each file without its hooks, or a message', async () => {
    const { checkTraceFiles } = await import('../../src/worker/traceCheck.ts');
    const checked = checkTraceFiles({ files: [fixture('jhack-tail_mocks-real-pgql-machine-log.txt')], options: {} });
    expect(checked.kind).toBe('checked');
    if (checked.kind !== 'checked') return;
    expect(checked.files).toEqual([expect.objectContaining({ format: 'debug-log', hookCount: 14 })]);
    expect(checked.files[0]).not.toHaveProperty('hooks');
    expect(checked.report.findings).toEqual([]);
    expect(structuredClone(checked)).toEqual(checked);
    expect(checkTraceFiles({ files: [fixture('jhack-tail_mocks-interlace-log-combined.txt')], options: {} })).toEqual({ kind: 'error', message: 'No hooks found in jhack-tail_mocks-interlace-log-combined.txt.' });
    expect(checkTraceFiles({ files: [{ name: 'x', text: 'nothing' }], options: {} })).toMatchObject({ kind: 'error', message: expect.stringContaining('x: not a history relviz reads') });
  });
});
