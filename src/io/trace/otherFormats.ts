/**
 * Two more histories: `jhack tail`'s table (its rich table, as saved with `-o` or copied
 * from a terminal, or its plain `--printer raw` lines) and relviz's own JSON lines
 * (`npm run --silent sim -- s.juju --json`).
 *
 * jhack tail shows ops's event names per unit column: no relation id, no remote unit.
 * Its rich table lists the newest event first unless it was run with `--flip`; the
 * times say which (equal times: the default, newest first, is assumed).
 * relviz's JSON lines carry everything the checker uses, but no time.
 */
import { clockMs, DayRoller } from './clock.ts';
import { HOOK_NAME, UNIT_NAME, hookRecord, type ImportedHook, type ParsedFile } from './record.ts';

const SEPARATOR = /[│┃|]/;
const CLOCK = /^\d{1,2}:\d\d:\d\d(?:\.\d+)?$/;

export function readJhackTail(text: string, file: string): ParsedFile {
  const lines = text.split(/\r?\n/);
  const problems: string[] = [];
  let columns: (string | undefined)[] = [];
  let skipped = 0;
  const rows: ImportedHook[] = [];
  lines.forEach((line, i) => {
    const cells = line.split(SEPARATOR).map((c) => c.trim());
    if (cells.length < 3) {
      if (line.trim() !== '') skipped++;
      return;
    }
    // Drop the empty cells outside the table's borders.
    if (cells[0] === '') cells.shift();
    if (cells.at(-1) === '') cells.pop();
    const first = cells[0] ?? '';
    if (/^(tail v|timestamp$)/i.test(first)) {
      columns = cells.slice(1).map((c) => {
        const name = c.replace(/[=*\s]/g, '').toLowerCase();
        return UNIT_NAME.test(name) ? name : undefined;
      });
      skipped++;
      return;
    }
    if (!CLOCK.test(first)) {
      skipped++;
      return;
    }
    const filled = cells.slice(1).flatMap((c, col) => (c !== '' && c !== '.' ? [{ c, col }] : []));
    const only = filled.length === 1 ? filled[0] : undefined;
    const unit = only ? columns[only.col] : undefined;
    const event = only?.c
      .split(/\s+/)
      .map((w) => w.replaceAll('_', '-'))
      .find((w) => HOOK_NAME.test(w) && !/^\d+$/.test(w));
    if (!only || !unit || !event) {
      if (filled.length > 0) problems.push(`${file}:${i + 1}: a row of jhack tail that names no unit column or event; skipped`);
      skipped++;
      return;
    }
    if (/-action$/.test(event)) {
      skipped++;
      return;
    }
    rows.push(hookRecord({ unit, hook: event, outcome: /💥|\bfailed\b/.test(only.c) ? 'failed' : 'ran', timeText: first, time: clockMs(first), format: 'jhack-tail', source: { file, line: i + 1 } }));
  });
  // The rich table puts the newest event first (unless --flip): put the oldest first.
  const firstTime = rows[0]?.time;
  const lastTime = rows.at(-1)?.time;
  const rich = /[│┃]/.test(text);
  const newestFirst = rich && (firstTime === undefined || lastTime === undefined || firstTime >= lastTime);
  const ordered = newestFirst ? [...rows].reverse() : rows;
  const days = new DayRoller();
  const hooks = ordered.map((h) => ({ ...h, time: days.next(h.time) }));
  return { file, format: 'jhack-tail', hooks, lines: lines.length, skipped, problems };
}

export function looksLikeJhackTail(lines: readonly string[]): number {
  return lines.some((l) => /^\s*[│┃|]?\s*(tail v[\d.]+|TIMESTAMP)\s*[│┃|]/.test(l)) ? lines.length : 0;
}

export function readRelvizJson(text: string, file: string): ParsedFile {
  const lines = text.split(/\r?\n/);
  const hooks: ImportedHook[] = [];
  const problems: string[] = [];
  let skipped = 0;
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed.startsWith('{')) {
      if (trimmed !== '') skipped++;
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      problems.push(`${file}:${i + 1}: not a JSON line; skipped`);
      return;
    }
    const r = value as Record<string, unknown>;
    if (r['type'] !== 'hook') {
      skipped++; // commands, actions, execs
      return;
    }
    const unit = r['unit'];
    const hook = r['hook'];
    const relation = r['relation_id'];
    const text = (v: unknown): string | null | undefined => (typeof v === 'string' ? v : v === null ? null : undefined);
    if (typeof unit !== 'string' || !UNIT_NAME.test(unit) || typeof hook !== 'string' || !HOOK_NAME.test(hook)) {
      problems.push(`${file}:${i + 1}: a hook line without a unit or hook name; skipped`);
      return;
    }
    const id = typeof relation === 'string' ? /:(\d+)$/.exec(relation)?.[1] : undefined;
    const isRelation = relation !== null && relation !== undefined;
    hooks.push(
      hookRecord({
        unit,
        hook,
        relationId: id !== undefined ? Number(id) : undefined,
        remoteUnit: isRelation ? text(r['remote_unit']) : undefined,
        remoteApp: isRelation ? text(r['remote_app']) : undefined,
        departingUnit: isRelation ? text(r['departing_unit']) : undefined,
        outcome: r['result'] === 'error' ? 'failed' : 'ran',
        timeText: typeof r['seq'] === 'number' ? `seq ${r['seq']}` : '',
        time: undefined,
        format: 'relviz-json',
        source: { file, line: i + 1 },
      }),
    );
  });
  return { file, format: 'relviz-json', hooks, lines: lines.length, skipped, problems };
}

export function looksLikeRelvizJson(lines: readonly string[]): number {
  return lines.filter((l) => /^\s*\{"type":"(hook|command|action|exec)"/.test(l)).length;
}
