/**
 * `juju show-status-log <unit> --type juju-unit` (the table it prints), read for hooks.
 *
 *     Time                   Type       Status     Message
 *     01 Dec 2025 10:05:46Z  juju-unit  executing  running db-relation-joined hook for pg/1
 *
 * "running X hook for remote/1" names the remote unit (Juju sets it when
 * JUJU_REMOTE_UNIT is set), so a relation hook without "for" has none (app-level). It
 * never names the relation id, nor the departing unit; update-status is not recorded,
 * and only the last entries of each unit are kept. The table names no unit: it is
 * taken from the command line pasted with it (`$ juju show-status-log grafana/0`), else
 * from `--unit`, else from the file name (`grafana-0.log`). A hook that failed shows
 * as an `error` status, `hook failed: "X"`, right after it.
 */
import { statusLogMs } from './clock.ts';
import { HOOK_NAME, UNIT_NAME, hookRecord, type ImportedHook, type ParsedFile } from './record.ts';

const ROW = /^(?<time>\d{1,2} [A-Za-z]{3} \d{4} \d{1,2}:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)\s+(?<type>[a-z-]+)\s+(?<status>[a-z]+)(?:\s+(?<message>.*))?$/;
const RUNNING = /^running (?<hook>[a-z][a-z0-9-]*) hook(?: for (?<remote>[a-z][a-z0-9-]*\/\d+))?$/;
const HOOK_FAILED = /^hook failed: "(?<hook>[^"]+)"/;
const COMMAND = /juju show-status-log\b(?<args>.*)$/;

/** The unit a pasted command line names (`$ juju show-status-log -m x grafana/0 --type juju-unit`). */
function unitOfCommand(line: string): string | undefined {
  const m = COMMAND.exec(line);
  return m?.groups?.['args']?.split(/\s+/).find((w) => UNIT_NAME.test(w));
}

/** `grafana-0.log`, `show-status-log_grafana_0.txt` → `grafana/0`. */
export function unitOfFileName(file: string): string | undefined {
  const base = file.slice(file.lastIndexOf('/') + 1).replace(/\.[a-z0-9]+$/i, '');
  const m = /([a-z][a-z0-9-]*?)[-_](\d+)$/.exec(base);
  return m ? `${m[1]}/${m[2]}` : undefined;
}

export function readStatusLog(text: string, file: string, opts: { unit?: string } = {}): ParsedFile {
  const lines = text.split(/\r?\n/);
  const problems: string[] = [];
  const fromCommand = lines.map(unitOfCommand).find((u) => u !== undefined);
  const unit = fromCommand ?? opts.unit ?? unitOfFileName(file);
  const hooks: ImportedHook[] = [];
  let skipped = 0;
  if (unit === undefined) {
    return { file, format: 'show-status-log', hooks, lines: lines.length, skipped: lines.length, problems: [`${file}: show-status-log prints no unit name: paste the command line with it ($ juju show-status-log grafana/0 --type juju-unit), give --unit, or name the file after the unit (grafana-0.log)`] };
  }
  lines.forEach((line, i) => {
    const m = ROW.exec(line.trim());
    if (!m?.groups || m.groups['type'] !== 'juju-unit') {
      if (line.trim() !== '') skipped++;
      return;
    }
    const message = (m.groups['message'] ?? '').trim();
    const running = RUNNING.exec(message);
    const failed = HOOK_FAILED.exec(message);
    const time = m.groups['time'] as string;
    if (running?.groups && m.groups['status'] === 'executing') {
      const hook = running.groups['hook'] as string;
      if (!HOOK_NAME.test(hook)) {
        skipped++;
        return;
      }
      const remote = running.groups['remote'];
      const relation = hook.includes('-relation-');
      hooks.push(
        hookRecord({
          unit,
          hook,
          // Juju says "for <unit>" whenever JUJU_REMOTE_UNIT is set; a relation hook without it has none.
          remoteUnit: relation ? (remote ?? null) : undefined,
          remoteApp: relation && remote ? remote.slice(0, remote.lastIndexOf('/')) : undefined,
          timeText: time,
          time: statusLogMs(time),
          format: 'show-status-log',
          source: { file, line: i + 1 },
        }),
      );
      return;
    }
    if (failed?.groups && m.groups['status'] === 'error') {
      // The hook that failed is the last one run with that name.
      const at = hooks.findLastIndex((h) => h.hook === failed.groups?.['hook']);
      const last = hooks[at];
      if (last) hooks[at] = { ...last, outcome: 'failed', also: [...last.also, { file, line: i + 1 }] };
      else skipped++;
      return;
    }
    skipped++;
  });
  return { file, format: 'show-status-log', hooks, lines: lines.length, skipped, problems };
}

export function looksLikeStatusLog(lines: readonly string[]): number {
  return lines.filter((l) => ROW.test(l.trim())).length + (lines.some((l) => /^\s*Time\s+Type\s+Status\s+Message\s*$/.test(l)) ? 5 : 0);
}
