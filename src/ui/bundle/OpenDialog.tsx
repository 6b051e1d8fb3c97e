/**
 * Opening a real model: a bundle (with overlays and the charm folders beside it) or a
 * running model's `juju status` (with `juju show-unit` outputs) — picked as files or a
 * folder, dropped anywhere on the page, or pasted. The dialog says what each file is,
 * lets the user choose the overlays / show-unit files, and previews the deploy (the
 * applications, where each charm comes from, what relviz inferred; or Juju's refusal
 * with file and line) before anything changes. "Open as a new model" replaces the
 * model (one Undo away); "Add to this model" deploys into it, as the console would.
 * Loaded on demand (OpenButton.tsx opens it).
 */
import { useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { formatCommand } from '../../engine/commands.ts';
import { RefusalNote, RewoundNote } from '../common/DialogNotes.tsx';
import { ModalDialog } from '../common/ModalDialog.tsx';
import { PasteField } from '../common/PasteField.tsx';
import { buttonClass, fieldClass, primaryClass } from '../controls/style.ts';
import { useRelvizStore } from '../StoreContext.tsx';
import { byRole, draftCommand, draftFrom, previewDraft, type Draft, type PreviewApp } from './openForm.ts';
import { OpenLabel } from './openLabels.ts';
import { PICK_LIMITS, carriesFiles, readDrop, readFileList, type Picked } from './readFiles.ts';

export { OpenLabel } from './openLabels.ts';

const SOURCE_BADGE: Record<PreviewApp['source'], { label: string; cls: string; title: string }> = {
  teaching: { label: 'teaching charm', cls: 'bg-emerald-100 text-emerald-900', title: 'relviz’s own charm, with behaviour' },
  real: { label: 'real charm', cls: 'bg-violet-100 text-violet-900', title: 'a real charm’s endpoints from relviz’s catalog: its hooks run and do nothing' },
  inferred: { label: 'inferred', cls: 'bg-amber-100 text-amber-900', title: 'charm not found: its endpoints are inferred from the relations; its hooks do nothing' },
  files: { label: 'charm files', cls: 'bg-sky-100 text-sky-900', title: 'from the charm’s metadata beside the bundle: its hooks do nothing' },
};

/** `value`, once it has not changed for `ms` (at once when `ms` is 0). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (ms === 0) {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return ms === 0 ? value : settled;
}

export function OpenDialog({ initial, onClose }: { initial: Picked | null; onClose: () => void }) {
  const store = useRelvizStore();
  const id = useId();
  const firstInput = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<Picked | null>(initial);
  const [pasted, setPasted] = useState('');
  const [draft, setDraft] = useState<Draft | null>(() => (initial && initial.files.length > 0 ? draftFrom(Object.fromEntries(initial.files.map((f) => [f.path, f.text]))) : null));
  const [error, setError] = useState<string | null>(null);

  const take = (p: Picked) => {
    setPicked(p);
    setPasted('');
    setError(null);
    setDraft(p.files.length > 0 ? draftFrom(Object.fromEntries(p.files.map((f) => [f.path, f.text]))) : null);
  };
  const paste = (text: string) => {
    setPicked(null);
    setError(null);
    if (text.length > PICK_LIMITS.bytesPerFile) {
      // Not kept in the field either: a page must not hold (or re-parse) megabytes per keystroke.
      setPasted('');
      setDraft(null);
      setError(`The pasted text has ${text.length.toLocaleString('en')} characters, over the ${PICK_LIMITS.bytesPerFile.toLocaleString('en')} a file may have. Open it as a file instead.`);
      return;
    }
    setPasted(text);
    const name = text.trimStart().startsWith('{') ? 'pasted.json' : 'pasted.yaml';
    setDraft(text.trim() === '' ? null : draftFrom({ [name]: text }));
  };

  // Typing in a big paste: the preview (a parse and a trial deploy) follows once typing pauses.
  const settled = useSettled(draft, pasted.length > 20_000 ? 300 : 0);
  const command = useMemo(() => (settled ? draftCommand(settled) : null), [settled]);
  const preview = useMemo(() => (command ? previewDraft(command) : null), [command]);
  const roles = useMemo(() => (draft ? byRole(draft.files) : null), [draft]);
  const rewound = store.getState().length - store.getState().cursor;

  const go = (mode: 'replace' | 'add') => {
    if (!command || !preview?.ok) return;
    const label = `${command.type === 'load-status' ? 'the model in' : 'the bundle'} ${command.path.replace(/^\.\//, '')}`;
    const result = store.getState().openBundle(command, { mode, label });
    if (result.exitCode === 0) onClose();
    else setError(result.stderr.trim());
  };

  const choose = (files: FileList | null) => {
    if (files && files.length > 0) void readFileList(files).then(take);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    if (!carriesFiles(e.dataTransfer)) return;
    e.preventDefault();
    e.stopPropagation();
    void readDrop(e.dataTransfer).then(take);
  };

  const extraRole = draft?.kind === 'status' ? 'show-unit' : 'bundle';
  const extras = roles ? roles[extraRole].filter((p) => p !== draft?.main) : [];

  return (
    <ModalDialog labelledBy={`${id}-title`} className="mt-[5vh] w-[52rem]" onClose={onClose} focusFirst={() => firstInput.current}>
      <div className="flex max-h-[88vh] flex-col gap-3 overflow-auto p-5">
        <h2 id={`${id}-title`} className="text-lg font-bold">
          {OpenLabel.title}
        </h2>
        <div
          className="flex flex-wrap items-center gap-2 rounded-lg border-2 border-dashed border-slate-300 bg-slate-50 px-3 py-3 text-sm text-slate-700"
          onDragOver={(e) => {
            if (carriesFiles(e.dataTransfer)) e.preventDefault();
          }}
          onDrop={onDrop}
        >
          <label className={`${buttonClass} cursor-pointer focus-within:ring-2 focus-within:ring-orange-500`}>
            <input ref={firstInput} type="file" multiple accept=".yaml,.yml,.json" className="sr-only" onChange={(e) => choose(e.target.files)} />
            {OpenLabel.chooseFiles}
          </label>
          <label className={`${buttonClass} cursor-pointer focus-within:ring-2 focus-within:ring-orange-500`}>
            {/* A folder: a bundle with overlays/ and charms/ beside it. */}
            <input type="file" className="sr-only" onChange={(e) => choose(e.target.files)} {...{ webkitdirectory: '', directory: '' }} />
            {OpenLabel.chooseFolder}
          </label>
          <span>or drop a bundle folder, files, or a <code>juju status --format=json|yaml</code> (with <code>juju show-unit</code> outputs) here.</span>
        </div>
        <PasteField label={OpenLabel.paste} value={pasted} placeholder={'applications:\n  master:\n    charm: master\n    num_units: 1\n…'} onChange={paste} />
        {picked && picked.skipped.length > 0 && (
          <p className="rounded-md bg-amber-50 px-3 py-1.5 text-sm text-amber-900" data-testid="open-skipped">
            Not read: {picked.skipped.join('; ')}.
          </p>
        )}
        {draft && roles && (
          <fieldset className="flex flex-col gap-1 rounded-md border border-slate-200 px-3 py-2 text-sm">
            <legend className="px-1 font-semibold">{draft.kind === 'status' ? 'Model status' : 'Bundle'}</legend>
            {(draft.kind === 'status' ? roles.status : roles.bundle).length > 1 && (
              <label className="flex items-center gap-2">
                {draft.kind === 'status' ? 'Status file' : 'Bundle file'}
                <select
                  className={fieldClass}
                  value={draft.main ?? ''}
                  onChange={(e) => setDraft({ ...draft, main: e.target.value, extra: draft.extra.filter((x) => x !== e.target.value) })}
                >
                  {(draft.kind === 'status' ? roles.status : roles.bundle).map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {draft.main && (draft.kind === 'status' ? roles.status : roles.bundle).length <= 1 && (
              <p>
                <span className="font-mono">{draft.main}</span>
              </p>
            )}
            {extras.length > 0 && (
              <div className="flex flex-col gap-0.5">
                <span className="text-slate-600">{draft.kind === 'status' ? 'juju show-unit outputs (endpoint names and databags):' : 'Overlays, applied in this order:'}</span>
                {extras.map((p) => (
                  <label key={p} className="flex items-center gap-2 font-mono">
                    <input
                      type="checkbox"
                      checked={draft.extra.includes(p)}
                      onChange={(e) => setDraft({ ...draft, extra: e.target.checked ? [...draft.extra, p] : draft.extra.filter((x) => x !== p) })}
                    />
                    {p}
                  </label>
                ))}
              </div>
            )}
            {roles.charm.length > 0 && <p className="text-slate-600">Charm files found: {roles.charm.length} ({[...new Set(roles.charm.map((p) => p.split('/').slice(0, -1).join('/') || '.'))].join(', ')})</p>}
            {command && (
              <p className="text-slate-600">
                As a command: <code className="font-mono text-slate-900">{formatCommand(command)}</code>
              </p>
            )}
          </fieldset>
        )}
        {draft && draft.main === null && <p className="text-sm text-red-800">No bundle and no juju status among these files: a bundle has <code>applications:</code>, a status has <code>model:</code> and <code>applications:</code>.</p>}
        {preview && !preview.ok && (
          <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="open-problems">
            <p className="font-semibold">Juju would refuse this; nothing would be deployed:</p>
            <ul className="mt-1 list-disc pl-5 font-mono text-xs">
              {preview.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {preview?.ok && (
          <div className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm" data-testid="open-preview">
            <p className="font-semibold text-emerald-900">
              {preview.apps.length} application{preview.apps.length === 1 ? '' : 's'}, {preview.relations} relation{preview.relations === 1 ? '' : 's'}
            </p>
            <ul className="mt-1 grid grid-cols-2 gap-x-4 gap-y-0.5">
              {preview.apps.map((a) => (
                <li key={a.name} className="flex items-center gap-1.5">
                  <span className="font-mono font-semibold">{a.name}</span>
                  <span className="text-slate-600">{a.subordinate ? 'subordinate' : `× ${a.units}`}</span>
                  <span className={`rounded px-1 text-[11px] font-semibold ${SOURCE_BADGE[a.source].cls}`} title={SOURCE_BADGE[a.source].title}>
                    {SOURCE_BADGE[a.source].label}
                  </span>
                </li>
              ))}
            </ul>
            {preview.notes.length > 0 && (
              <ul className="mt-2 list-disc pl-5 text-amber-900">
                {preview.notes.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <RewoundNote rewound={rewound} doing="adding to this model" />
        <RefusalNote error={error} />
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonClass} onClick={onClose}>
            {OpenLabel.cancel}
          </button>
          <button type="button" className={buttonClass} disabled={!preview?.ok} onClick={() => go('add')}>
            {OpenLabel.add}
          </button>
          <button type="button" className={primaryClass} disabled={!preview?.ok} onClick={() => go('replace')}>
            {OpenLabel.replace}
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
