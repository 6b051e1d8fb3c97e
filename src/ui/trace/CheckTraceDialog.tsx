/**
 * "Is this real history possible?": log files picked, dropped or pasted (debug-log,
 * show-status-log, jhack tail, machine-lock.log, relviz's JSON lines), read and
 * replayed against Juju's guarantees (src/io/trace/), with every hook they rule out —
 * its file and line, the rule, what Juju would have allowed instead — and what the
 * input cannot tell. The same check as `npm run check-trace`, run in a worker of its
 * own so a big log does not freeze the page. Loaded on demand.
 */
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { RULES, type CheckReport } from '../../io/trace/check.ts';
import { plural } from '../../io/plural.ts';
import { describeModel, type ImportedModel } from '../../io/trace/model.ts';
import { FORMAT_LIMITS, MAX_TRACE_CHARS, type TraceFile } from '../../io/trace/read.ts';
import { FORMATS, UNIT_NAME, type TraceFormat } from '../../io/trace/record.ts';
import { checkTraceFiles, type FileSummary, type TraceCheckOutcome, type TraceCheckRequest } from '../../worker/traceCheck.ts';
import { ModalDialog } from '../common/ModalDialog.tsx';
import { PasteField } from '../common/PasteField.tsx';
import type { ImportedHistory } from '../imported/viewerStore.ts';
import { buttonClass, fieldClass, primaryClass } from '../controls/style.ts';
import { FindingCard } from './FindingCard.tsx';
import { TraceLabel } from './labels.ts';

type Outcome = TraceCheckOutcome | { kind: 'checking' } | null;

/** Checks off the page, in a worker of its own (a big log takes seconds); on the page where there is none. */
function checkOffPage(request: TraceCheckRequest): Promise<TraceCheckOutcome> {
  if (typeof Worker === 'undefined') return Promise.resolve(checkTraceFiles(request));
  return new Promise((resolve) => {
    const worker = new Worker(new URL('../../worker/trace.worker.ts', import.meta.url), { type: 'module', name: 'relviz-trace-check' });
    const done = (outcome: TraceCheckOutcome) => {
      worker.terminate();
      resolve(outcome);
    };
    worker.onmessage = (e: MessageEvent<TraceCheckOutcome>) => done(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      done({ kind: 'error', message: `relviz could not check this history (${e.message || 'its worker stopped'}): reload the page to try again` });
    };
    worker.postMessage(request);
  });
}


/** Reads picked or dropped files as text, refusing what would go over the size bound. */
async function readFiles(list: FileList | readonly File[]): Promise<{ files: TraceFile[]; skipped: string[] }> {
  const files: TraceFile[] = [];
  const skipped: string[] = [];
  let total = 0;
  for (const f of Array.from(list)) {
    if (total + f.size > MAX_TRACE_CHARS) {
      skipped.push(`${f.name} (over the ${MAX_TRACE_CHARS / 1048576} MB relviz reads at once)`);
      continue;
    }
    total += f.size;
    files.push({ name: f.name, text: await f.text() });
  }
  return { files, skipped };
}

export function CheckTraceDialog({ initial = [], onClose, onShow }: { initial?: readonly File[]; onClose: () => void; onShow: (history: ImportedHistory) => void }) {
  const id = useId();
  const firstInput = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<TraceFile[]>([]);
  const [skipped, setSkipped] = useState<string[]>([]);
  const [pasted, setPasted] = useState('');
  const [unit, setUnit] = useState('');
  const [format, setFormat] = useState<TraceFormat | ''>('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  // Logs dropped on the page come with the dialog.
  useEffect(() => {
    if (initial.length > 0) void readFiles(initial).then(take);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for what it opened with
  }, []);

  const inputs = (): TraceFile[] => [...files, ...(pasted.trim() !== '' ? [{ name: 'pasted', text: pasted }] : [])];
  const unitProblem = unit.trim() !== '' && !UNIT_NAME.test(unit.trim()) ? `“${unit.trim()}” is not a unit name (like grafana/0)` : null;

  const take = ({ files: read, skipped: notRead }: { files: TraceFile[]; skipped: string[] }) => {
    setFiles(read);
    setSkipped(notRead);
    setOutcome(null);
  };
  const check = () => {
    const given = inputs();
    if (given.length === 0 || unitProblem) return;
    setOutcome({ kind: 'checking' });
    void checkOffPage({ files: given, options: { ...(format ? { format } : {}), ...(unit.trim() ? { unit: unit.trim() } : {}) } }).then(setOutcome);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    if (e.dataTransfer.files.length === 0) return;
    e.preventDefault();
    e.stopPropagation();
    void readFiles(e.dataTransfer.files).then(take);
  };

  return (
    <ModalDialog labelledBy={`${id}-title`} className="mt-[4vh] w-[60rem]" onClose={onClose} focusFirst={() => firstInput.current} ownKeys>
      <div className="flex max-h-[90vh] flex-col gap-3 overflow-auto p-5">
        <h2 id={`${id}-title`} className="text-lg font-bold">
          {TraceLabel.title}
        </h2>
        <p className="text-sm text-slate-700">
          relviz replays the hooks of a real model against the ordering guarantees Juju gives (install first, joined then changed, departed before broken, a dying leader stays leader…) and shows every hook they rule out. What the log does not say is reported as “cannot tell”, never guessed.
        </p>
        <div
          className="flex flex-wrap items-center gap-2 rounded-lg border-2 border-dashed border-slate-300 bg-slate-50 px-3 py-3 text-sm text-slate-700"
          onDragOver={(e) => e.preventDefault()}
          onDrop={onDrop}
        >
          <label className={`${buttonClass} cursor-pointer focus-within:ring-2 focus-within:ring-orange-500`}>
            <input ref={firstInput} type="file" multiple className="sr-only" onChange={(e) => e.target.files && void readFiles(e.target.files).then(take)} />
            {TraceLabel.chooseFiles}
          </label>
          <span>
            or drop them here: <code>juju debug-log</code>, <code>juju show-status-log &lt;unit&gt; --type juju-unit</code> (one per unit), <code>jhack tail</code>, <code>machine-lock.log</code>, relviz’s <code>--json</code> lines.
          </span>
          {files.length > 0 && (
            <ul className="w-full font-mono text-xs text-slate-800" aria-label="Files to check">
              {files.map((f) => (
                <li key={f.name}>
                  {f.name} <span className="text-slate-500">({plural(f.text.split('\n').length, 'line')})</span>
                </li>
              ))}
            </ul>
          )}
          {skipped.length > 0 && <p className="w-full text-amber-900">Not read: {skipped.join('; ')}.</p>}
        </div>
        <PasteField
          label={TraceLabel.paste}
          value={pasted}
          placeholder={'unit-postgresql-0: 13:16:35 INFO juju.worker.uniter.operation ran "install" hook (via hook dispatching script: dispatch)\n…'}
          onChange={(text) => {
            setPasted(text);
            setOutcome(null);
          }}
        />
        <div className="flex flex-wrap items-end gap-3 text-sm">
          <label className="flex flex-col gap-1 font-medium">
            {TraceLabel.unit}
            <input className={`${fieldClass} w-48 font-mono`} value={unit} placeholder="grafana/0" aria-invalid={unitProblem !== null} onChange={(e) => setUnit(e.target.value)} />
          </label>
          <label className="flex flex-col gap-1 font-medium">
            {TraceLabel.format}
            <select className={fieldClass} value={format} onChange={(e) => setFormat(e.target.value as TraceFormat | '')}>
              <option value="">{TraceLabel.auto}</option>
              {FORMATS.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
          <div className="ml-auto flex gap-2">
            <button type="button" className={buttonClass} onClick={onClose}>
              {TraceLabel.close}
            </button>
            <button type="button" className={primaryClass} disabled={inputs().length === 0 || unitProblem !== null || outcome?.kind === 'checking'} onClick={check}>
              {TraceLabel.check}
            </button>
          </div>
        </div>
        {unitProblem && <p className="text-sm text-red-800">{unitProblem}</p>}
        {outcome?.kind === 'checking' && (
          <p role="status" className="text-sm text-slate-700">
            {TraceLabel.checking}
          </p>
        )}
        {outcome?.kind === 'error' && (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
            {outcome.message}
          </p>
        )}
        {outcome?.kind === 'checked' && (
          <>
            <div className="flex items-center gap-3 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
              <span className="text-slate-700">Play it hook by hook: its swimlanes, hook log and the model it shows, with every hook ruled out marked.</span>
              <button type="button" className={`${primaryClass} ml-auto shrink-0`} onClick={() => onShow(outcome)}>
                {TraceLabel.showInApp}
              </button>
            </div>
            <Result files={outcome.files} notes={outcome.notes} report={outcome.report} model={outcome.model} />
          </>
        )}
      </div>
    </ModalDialog>
  );
}

function Result({ files, notes, report, model }: { files: readonly FileSummary[]; notes: readonly string[]; report: CheckReport; model: ImportedModel }) {
  const ruledOut = report.findings.length;
  const problems = files.flatMap((f) => f.problems);
  return (
    <section aria-label={TraceLabel.result} className="flex flex-col gap-3 text-sm">
      <p role="status" className={`rounded-md border px-3 py-2 font-semibold ${ruledOut === 0 ? 'border-emerald-300 bg-emerald-50 text-emerald-900' : 'border-red-300 bg-red-50 text-red-900'}`}>
        {ruledOut === 0 ? `✓ No hook is ruled out by Juju’s guarantees (${plural(report.hooks, 'hook')} of ${plural(report.units, 'unit')}).` : `✗ ${plural(ruledOut, 'hook')} ruled out by Juju’s guarantees (of ${plural(report.hooks, 'hook')}).`}
      </p>
      {ruledOut > 0 && (
        <ol className="flex flex-col gap-2" aria-label="Hooks ruled out">
          {report.findings.map((f) => (
            <FindingCard key={`${f.index}-${f.rule}`} f={f} where />
          ))}
        </ol>
      )}
      <details className="rounded-md border border-slate-200 px-3 py-2" open={ruledOut === 0}>
        <summary className="cursor-pointer font-semibold">What the input cannot tell</summary>
        <ul className="mt-1 list-disc pl-5 text-slate-700">
          {[...new Set(files.map((f) => f.format))].map((f) => (
            <li key={f}>{FORMAT_LIMITS[f]}</li>
          ))}
          {report.partialUnits.length > 0 && (
            <li>
              <span className="font-mono">{report.partialUnits.join(', ')}</span>: the history starts after {report.partialUnits.length === 1 ? 'its' : 'their'} install, so what came before is not judged.
            </li>
          )}
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
        {report.cannotTell.length > 0 && (
          <table className="mt-2 w-full text-left text-xs">
            <thead>
              <tr className="text-slate-500">
                <th className="pr-2 font-semibold">Rule</th>
                <th className="pr-2 font-semibold">Hooks</th>
                <th className="font-semibold">Why it cannot be told</th>
              </tr>
            </thead>
            <tbody>
              {report.cannotTell.map((c) => (
                <tr key={`${c.rule}-${c.why}`} className="border-t border-slate-100 align-top">
                  <td className="pr-2 font-mono" title={RULES[c.rule]}>
                    {c.rule}
                  </td>
                  <td className="pr-2">{c.first ? c.count : '–'}</td>
                  <td>{c.why}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
      <details className="rounded-md border border-slate-200 px-3 py-2">
        <summary className="cursor-pointer font-semibold">
          What the history shows at its end: {plural(model.apps.length, 'application')}, {plural(model.relations.length, 'relation')}
        </summary>
        <ul className="mt-1 font-mono text-xs" aria-label="Seen in the history">
          {describeModel(model).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p className="mt-1 text-xs text-slate-600">* marks the leader. Interfaces and databags are not in a log: they are unknown.</p>
      </details>
      <details className="rounded-md border border-slate-200 px-3 py-2">
        <summary className="cursor-pointer font-semibold">Files read</summary>
        <ul className="mt-1 font-mono text-xs">
          {files.map((f) => (
            <li key={f.file}>
              {f.file}: {f.format}, {plural(f.lines, 'line')}, {plural(f.hookCount, 'hook')} ({plural(f.skipped, 'other line')} skipped)
            </li>
          ))}
        </ul>
        {problems.length > 0 && (
          <ul className="mt-1 list-disc pl-5 text-amber-900">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </details>
    </section>
  );
}
