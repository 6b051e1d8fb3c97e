/**
 * The CLI end to end (issue 11): `deploy p -n N`, `deploy r -n N`, `integrate p r` run by
 * `npm run sim -- script --json` in a child process, its output read through a pipe
 * (JSON output included, process start excluded: the child times its own run), and its
 * peak resident memory. Usage: npm run --silent bench:cli [-- --quick] [-- --json]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const QUICK = process.argv.includes('--quick');
const JSON_OUT = process.argv.includes('--json');
const SIZES = QUICK ? [100, 300] : [100, 300, 1000];
const log = (s: string) => process.stderr.write(`${s}\n`);

const dir = mkdtempSync(join(tmpdir(), 'relviz-cli-bench-'));
writeFileSync(join(dir, 'prov.yaml'), 'name: prov\nprovides:\n  db:\n    interface: thing\n');
writeFileSync(join(dir, 'req.yaml'), 'name: req\nrequires:\n  db:\n    interface: thing\n');

interface Figure {
  readonly n: number;
  readonly hooks: number;
  readonly seconds: number;
  readonly hooksPerSecond: number;
  readonly usPerHook: number;
  readonly maxRssMb: number;
  readonly outputMb: number;
}

function run(n: number): Promise<Figure> {
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
      const { ms, maxRssMb } = JSON.parse(stats[1] as string) as { ms: number; maxRssMb: number };
      resolve({ n, hooks, seconds: ms / 1000, hooksPerSecond: Math.round(hooks / (ms / 1000)), usPerHook: (ms * 1000) / hooks, maxRssMb: Math.round(maxRssMb), outputMb: Math.round(bytes / 1024 / 1024) });
    });
  });
}

const figures: Figure[] = [];
for (const n of SIZES) {
  log(`N=${n}…`);
  figures.push(await run(n));
}
const at = (n: number) => figures.find((f) => f.n === n);
const ratio = at(1000) && at(100) ? (at(1000) as Figure).usPerHook / (at(100) as Figure).usPerHook : null;
if (JSON_OUT) process.stdout.write(`${JSON.stringify({ figures, ratio })}\n`);
else {
  console.log('CLI end to end: deploy p -n N, deploy r -n N, integrate p r; --json output read through a pipe; process start excluded');
  console.log('N            hooks   seconds     hooks/s   µs/hook   peak RSS MB   output MB');
  for (const f of figures) {
    console.log(`${String(f.n).padEnd(6)}${f.hooks.toLocaleString('en').padStart(12)}${f.seconds.toFixed(2).padStart(10)}${f.hooksPerSecond.toLocaleString('en').padStart(12)}${f.usPerHook.toFixed(2).padStart(10)}${String(f.maxRssMb).padStart(14)}${String(f.outputMb).padStart(12)}`);
  }
  const big = at(1000);
  if (big) {
    console.log(`   hooks/s at N=1000: ${big.hooksPerSecond.toLocaleString('en')}   target ≥ 300,000   ${big.hooksPerSecond >= 300_000 ? 'PASS' : 'FAIL'}`);
    console.log(`   peak RSS at N=1000: ${big.maxRssMb} MB   target ≤ 300 MB   ${big.maxRssMb <= 300 ? 'PASS' : 'FAIL'}`);
  }
  if (ratio !== null) console.log(`   µs/hook N=1000 / N=100: ${ratio.toFixed(3)}   target ≤ 1.5   ${ratio <= 1.5 ? 'PASS' : 'FAIL'}`);
}
