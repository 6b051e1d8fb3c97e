/**
 * The charm editor: a charm written in Python, its metadata on the left and its code
 * (`src/charm.py`, or the hook script picked in the file list) on the right, started
 * from a template, checked as one types by the engine's own metadata parser (file and
 * line), and deployed as `juju deploy ./<name>` — or, for an application already
 * deployed from code, re-run with the edited code from the cursor or from the start.
 * The draft is kept in localStorage as it changes: closing loses nothing.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { ModalDialog } from '../common/ModalDialog.tsx';
import { RefusalNote } from '../common/DialogNotes.tsx';
import { buttonClass, fieldClass, primaryClass } from '../controls/style.ts';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';
import { CodeEditor, languageOf } from './CodeEditor.tsx';
import { DRAFT_KEY, EMPTY_DRAFT, checkDraft, draftDeployCommand, draftPath, metadataPath, otherPaths, readDraft, shownPath, writeDraft, type CharmDraft } from './charmDraft.ts';
import { closeCharmEditor, type CharmEditing } from './charmEditing.ts';
import { CharmLabel } from './labels.ts';
import { MetadataCheck } from './MetadataCheck.tsx';
import { CHARM_TEMPLATES, templateFiles } from '../../python/templates/index.ts';

const MAX_UNITS = 20;

function savedDraft(): CharmDraft | null {
  try {
    return readDraft(localStorage.getItem(DRAFT_KEY));
  } catch {
    return null;
  }
}

function saveDraft(draft: CharmDraft): void {
  try {
    localStorage.setItem(DRAFT_KEY, writeDraft(draft));
  } catch {
    // Storage full or refused: the draft lives on while the editor is open.
  }
}

const sameFiles = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** Where the editor starts: the saved draft for the same target (the user's edits), else the application's code, else a template. */
function startingDraft(open: CharmEditing): CharmDraft | null {
  const saved = savedDraft();
  if (open.kind === 'new') return saved?.app === null ? saved : null;
  if (saved?.app === open.app && !open.at) return saved;
  return { ...EMPTY_DRAFT, app: open.app, files: open.files, selected: open.at?.path ?? '' };
}

export function CharmEditor({ open }: { open: CharmEditing }) {
  const store = useRelvizStore();
  const cursor = useRelviz((s) => s.cursor);
  const id = useId();
  const [draft, setDraft] = useState<CharmDraft>(() => startingDraft(open) ?? EMPTY_DRAFT);
  /** Bumped when the files are replaced (a template, a revert): the editors take the new text. */
  const [version, setVersion] = useState(0);
  const [previous, setPrevious] = useState<CharmDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [goTo, setGoTo] = useState<{ line: number } | null>(open.kind === 'edit' && open.at ? { line: open.at.line } : null);
  const [working, setWorking] = useState(false);
  const templateSelect = useRef<HTMLSelectElement>(null);

  useEffect(() => saveDraft(draft), [draft]);

  const loadTemplate = async (templateId: string, keepPrevious: boolean) => {
    const template = CHARM_TEMPLATES.find((t) => t.id === templateId);
    if (!template) return;
    let files: Record<string, string>;
    try {
      files = await templateFiles(templateId);
    } catch (e) {
      setError(`The template could not be loaded (${String(e)}); try again.`);
      return;
    }
    if (keepPrevious && Object.keys(draft.files).length > 0) setPrevious(draft);
    setDraft({ ...EMPTY_DRAFT, template: templateId, files, selected: template.main });
    setVersion((v) => v + 1);
    setError(null);
  };

  // A new charm with nothing saved starts from the first template.
  useEffect(() => {
    const first = CHARM_TEMPLATES[0];
    if (Object.keys(draft.files).length === 0 && first) void loadTemplate(first.id, false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on opening
  }, []);

  const check = useMemo(() => (Object.keys(draft.files).length === 0 ? null : checkDraft(draft.files)), [draft.files]);
  const meta = check?.ok ? check.meta : null;
  const metaPath = metadataPath(draft.files);
  const codePath = shownPath(draft);
  const editing = open.kind === 'edit' ? open.app : null;
  const units = /^\d+$/.test(draft.units.trim()) ? Number(draft.units) : NaN;
  const unitsOk = meta?.subordinate === true || (units >= 1 && units <= MAX_UNITS);

  const edit = (path: string, text: string) => {
    setDraft((d) => ({ ...d, files: { ...d.files, [path]: text } }));
    setError(null);
  };

  const deploy = () => {
    if (!meta || !unitsOk) return;
    const result = store.getState().apply(draftDeployCommand(draft, meta));
    if (result.exitCode === 0) closeCharmEditor();
    else setError(result.stderr.trim());
  };

  const rerun = async (from: 'cursor' | 'start') => {
    if (!editing || !meta) return;
    setWorking(true);
    const refused = await store.getState().rerunWithCode(editing, draft.files, from);
    setWorking(false);
    if (refused === null) closeCharmEditor();
    else setError(refused);
  };

  const template = CHARM_TEMPLATES.find((t) => t.id === draft.template);
  const metaLine = check && !check.ok && check.file === metaPath ? check.line : null;
  const title = editing ? CharmLabel.dialogEdit(editing) : CharmLabel.dialogNew;

  return (
    <ModalDialog labelledBy={`${id}-title`} className="mt-[3vh] flex h-[94vh] w-[min(96rem,98vw)] flex-col" onClose={closeCharmEditor} ownKeys focusFirst={(d) => (open.kind === 'edit' && open.at ? d.querySelector<HTMLElement>(`[data-testid="code-editor-${open.at.path}"] .cm-content`) : null) ?? templateSelect.current}>
      <header className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-4 py-2">
        <h2 id={`${id}-title`} className="text-lg font-bold">
          {title}
        </h2>
        <select
          ref={templateSelect}
          aria-label={CharmLabel.template}
          className={`${fieldClass} max-w-80`}
          value={draft.template ?? ''}
          onChange={(e) => void loadTemplate(e.target.value, true)}
        >
          <option value="" disabled>
            {CharmLabel.templatePick}
          </option>
          {CHARM_TEMPLATES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </select>
        {template && <span className="max-w-[34rem] truncate text-sm text-slate-700" title={template.summary}>{template.summary}</span>}
        {previous && (
          <button
            type="button"
            className="text-sm text-blue-800 underline"
            onClick={() => {
              setDraft(previous);
              setPrevious(null);
              setVersion((v) => v + 1);
            }}
          >
            {CharmLabel.restorePrevious}
          </button>
        )}
        {open.kind === 'edit' && !sameFiles(draft.files, open.files) && (
          <button
            type="button"
            className="text-sm text-blue-800 underline"
            onClick={() => {
              setDraft((d) => ({ ...d, template: null, files: open.files }));
              setVersion((v) => v + 1);
            }}
          >
            {CharmLabel.revert}
          </button>
        )}
        <div className="ml-auto flex gap-2">
          {editing ? (
            <>
              <button type="button" className={primaryClass} disabled={!meta || working} onClick={() => void rerun('cursor')} title={`The history forks at tick ${cursor.toLocaleString('en')}`}>
                {CharmLabel.rerunHere}
              </button>
              <button type="button" className={buttonClass} disabled={!meta || working} onClick={() => void rerun('start')}>
                {CharmLabel.rerunStart}
              </button>
            </>
          ) : (
            <button type="button" className={primaryClass} disabled={!meta || !unitsOk} onClick={deploy}>
              {CharmLabel.deploy}
            </button>
          )}
          <button type="button" className={buttonClass} onClick={closeCharmEditor}>
            {CharmLabel.close}
          </button>
        </div>
      </header>
      <RefusalNote error={error} />
      <div className="grid min-h-0 flex-1 grid-cols-[13rem_minmax(0,2fr)_minmax(0,3fr)]">
        <aside className="flex min-h-0 flex-col gap-3 overflow-y-auto border-r border-slate-200 bg-slate-50 p-3 text-sm">
          <nav aria-label={CharmLabel.files}>
            <h3 className="mb-1 font-semibold">{CharmLabel.files}</h3>
            <ul className="flex flex-col gap-0.5 font-mono text-xs">
              <li className="px-2 py-1 text-slate-700">{metaPath}</li>
              {otherPaths(draft.files).map((p) => (
                <li key={p}>
                  <button
                    type="button"
                    aria-current={p === codePath ? 'true' : undefined}
                    className={`w-full truncate rounded px-2 py-1 text-left ${p === codePath ? 'bg-orange-100 font-semibold text-slate-900' : 'text-slate-800 hover:bg-slate-200'}`}
                    title={p}
                    onClick={() => {
                      setDraft((d) => ({ ...d, selected: p }));
                      setGoTo(null);
                    }}
                  >
                    {p}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          {editing ? (
            <p className="text-xs leading-relaxed text-slate-700">{CharmLabel.rerunHelp}</p>
          ) : (
            <>
              <label className="flex flex-col gap-1 font-medium">
                Application name
                <input className={`${fieldClass} font-mono`} value={draft.name} placeholder={meta?.name ?? ''} spellCheck={false} autoComplete="off" onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))} />
              </label>
              <label className="flex flex-col gap-1 font-medium">
                Units
                <input
                  type="number"
                  min={1}
                  max={MAX_UNITS}
                  className={fieldClass}
                  value={meta?.subordinate ? '0' : draft.units}
                  disabled={meta?.subordinate === true}
                  aria-invalid={!unitsOk}
                  onChange={(e) => setDraft((d) => ({ ...d, units: e.target.value }))}
                />
              </label>
              {meta && <p className="font-mono text-xs text-slate-700">juju deploy {draftPath(meta)}</p>}
            </>
          )}
        </aside>
        <section aria-label={metaPath} className="flex min-h-0 flex-col border-r border-slate-200">
          <h3 className="border-b border-slate-200 px-3 py-1 font-mono text-xs font-semibold text-slate-700">{metaPath}</h3>
          <div className="min-h-0 flex-1">
            <CodeEditor docKey={`${version}:${metaPath}`} value={draft.files[metaPath] ?? ''} language="yaml" label={metaPath} markedLine={metaLine} describedBy={`${id}-check`} onChange={(text) => edit(metaPath, text)} />
          </div>
          <div id={`${id}-check`} className="max-h-48 overflow-y-auto border-t border-slate-200 p-2 text-sm" data-testid="charm-check">
            <MetadataCheck check={check} text={draft.files[check && !check.ok ? check.file : metaPath] ?? ''} />
          </div>
        </section>
        <section aria-label={codePath || 'code'} className="flex min-h-0 flex-col">
          <h3 className="border-b border-slate-200 px-3 py-1 font-mono text-xs font-semibold text-slate-700">{codePath || 'No code yet'}</h3>
          <div className="min-h-0 flex-1">
            {codePath !== '' && (
              <CodeEditor
                docKey={`${version}:${codePath}`}
                value={draft.files[codePath] ?? ''}
                language={languageOf(codePath, draft.files[codePath] ?? '')}
                label={codePath}
                goTo={goTo}
                markedLine={check && !check.ok && check.file === codePath ? check.line : open.kind === 'edit' && open.at?.path === codePath ? open.at.line : null}
                onChange={(text) => edit(codePath, text)}
              />
            )}
          </div>
        </section>
      </div>
    </ModalDialog>
  );
}
