/**
 * The CLI end to end (issue 11): `deploy p -n N`, `deploy r -n N`, `integrate p r` run by
 * `npm run sim -- script --json` in a child process, its output read through a pipe
 * (JSON output included, process start excluded: the child times its own run), and its
 * peak resident memory. Each size runs several times, one after another; the median run
 * (by hooks/s) is the figure, and the spread and the CPU time the child got say how busy
 * the machine was (wall time well above CPU time: other processes had the cores).
 * Usage: npm run --silent bench:cli [-- --quick] [-- --json] [-- --runs <n>]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const QUICK = process.argv.includes('--quick');
const JSON_OUT = process.argv.includes('--json');
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : null;
if (RUNS !== null && !(Number.isInteger(RUNS) && RUNS > 0)) {
  process.stderr.write('usage: cli.bench.ts [--quick] [--json] [--runs <n>]\n');
  process.exit(2);
}
const SIZES = QUICK ? [100, 300] : [100, 300, 1000];
/** Runs per size: small sizes are quick and noisy, so they run more often. */
const runsOf = (n: number) => RUNS ?? (n >= 1000 ? 2 : 5);
const TARGET_HOOKS_PER_SECOND = 300_000; // at N = 1000
const TARGET_RATIO = 1.5; // µs/hook at N = 1000 over N = 100
const TARGET_RSS_MB = 300; // at N = 1000
const log = (s: string) => process.stderr.write(`${s}\n`);

const dir = mkdtempSync(join(tmpdir(), 'relviz-cli-bench-'));
writeFileSync(join(dir, 'prov.yaml'), 'name: prov\nprovides:\n  db:\n    interface: thing\n');
writeFileSync(join(dir, 'req.yaml'), 'name: req\nrequires:\n  db:\n    interface: thing\n');

interface Run {
  readonly hooks: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly hooksPerSecond: number;
  readonly usPerHook: number;
  readonly maxRssMb: number;
  readonly outputMb: number;
}

interface Figure extends Run {
  readonly n: number;
  /** Every run's hooks/s, in the order they ran. */
  readonly runs: readonly number[];
}

function run(n: number): Promise<Run> {
  const script = join(dir, `s${n}.juju`);
  writeFileSync(script, `juju deploy ./prov.yaml p -n ${n}\njuju deploy ./req.yaml r -n ${n}\njuju integrate p r\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', script, '--json'], { env: { ...process.env, RELVIZ_CLI_STATS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let hooks = 0;
    let tail = '';
    child.stdout.on('data', (b: Buffer) => {
      bytes += b.length;
      // Count hook records as they stream past (one JSON object per line).
      const text = tail + b.toString('utf8');
      const lines = text.split('\n');
      tail = lines.pop() ?? '';
      for (const l of lines) if (l.startsWith('{"type":"hook"')) hooks++;
    });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const stats = /relviz-cli-stats (\{.*\})/.exec(err);
      if (code !== 0 || !stats) return reject(new Error(`sim exited ${code}: ${err.slice(0, 400)}`));
      const { ms, cpuMs, maxRssMb } = JSON.parse(stats[1] as string) as { ms: number; cpuMs: number; maxRssMb: number };
      resolve({
        hooks,
        seconds: ms / 1000,
        cpuSeconds: cpuMs / 1000,
        hooksPerSecond: Math.round(hooks / (ms / 1000)),
        usPerHook: (ms * 1000) / hooks,
        maxRssMb: Math.round(maxRssMb),
        outputMb: Math.round(bytes / 1024 / 1024),
      });
    });
  });
}

const figures: Figure[] = [];
for (const n of SIZES) {
  const runs: Run[] = [];
  for (let i = 0; i < runsOf(n); i++) {
    log(`N=${n} run ${i + 1}/${runsOf(n)}…`);
    runs.push(await run(n));
  }
  const median = [...runs].sort((a, b) => a.hooksPerSecond - b.hooksPerSecond)[Math.floor((runs.length - 1) / 2)] as Run;
  // Peak memory is a bound: the worst run's.
  figures.push({ n, ...median, maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)), runs: runs.map((r) => r.hooksPerSecond) });
}
const at = (n: number) => figures.find((f) => f.n === n);
const ratio = at(1000) && at(100) ? (at(1000) as Figure).usPerHook / (at(100) as Figure).usPerHook : null;
if (JSON_OUT) process.stdout.write(`${JSON.stringify({ figures, ratio })}\n`);
else {
  const k = (x: number) => x.toLocaleString('en');
  console.log('CLI end to end: deploy p -n N, deploy r -n N, integrate p r; --json output read through a pipe; process start excluded');
  console.log('(median run by hooks/s; CPU s is the time the process got: well under the wall time means a busy machine)');
  console.log('N            hooks    wall s     CPU s     hooks/s   µs/hook   peak RSS MB   output MB   every run, hooks/s');
  for (const f of figures) {
    console.log(
      `${String(f.n).padEnd(6)}${k(f.hooks).padStart(12)}${f.seconds.toFixed(2).padStart(10)}${f.cpuSeconds.toFixed(2).padStart(10)}${k(f.hooksPerSecond).padStart(12)}${f.usPerHook.toFixed(2).padStart(10)}${String(f.maxRssMb).padStart(14)}${String(f.outputMb).padStart(12)}   ${f.runs.map(k).join(', ')}`,
    );
  }
  const big = at(1000);
  const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  if (big) {
    console.log(`   hooks/s at N=1000: ${k(big.hooksPerSecond)}   target ≥ ${k(TARGET_HOOKS_PER_SECOND)}   ${pass(big.hooksPerSecond >= TARGET_HOOKS_PER_SECOND)}`);
    console.log(`   peak RSS at N=1000: ${big.maxRssMb} MB   target ≤ ${TARGET_RSS_MB} MB   ${pass(big.maxRssMb <= TARGET_RSS_MB)}`);
  }
  if (ratio !== null) console.log(`   µs/hook N=1000 / N=100: ${ratio.toFixed(3)}   target ≤ ${TARGET_RATIO}   ${pass(ratio <= TARGET_RATIO)}`);
  else console.log(`   (quick run: no N=1000; the targets apply to N=1000: ≥ ${k(TARGET_HOOKS_PER_SECOND)} hooks/s, ≤ ${TARGET_RSS_MB} MB, µs/hook ≤ ${TARGET_RATIO}× N=100's)`);
}
