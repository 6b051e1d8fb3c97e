/**
 * Deploying with the mouse: a modal dialog (opened by DeployButton, loaded on demand) with two tabs, a charm
 * from the catalog (searched: teaching charms and real charms' endpoints) or pasted `metadata.yaml` / `charmcraft.yaml` (checked as you type
 * by the engine's own parser, with file and line). Deploy applies the same command
 * as `juju deploy`; a refusal stays in the dialog (and in the store's error banner).
 * Escape closes; Tab stays inside; focus returns to the button.
 */
import { RefusalNote, RewoundNote } from '../common/DialogNotes.tsx';
import { ModalDialog } from '../common/ModalDialog.tsx';
import { useId, useRef, useState } from 'react';
import type { CharmMeta } from '../../engine/charm.ts';
import { Label } from '../labels.ts';
import { openCharmEditor } from '../charm/charmEditing.ts';
import { LazyCharmEditor } from '../charm/LazyCharmEditor.ts';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';
import { CharmPicker, NoBehaviourBadge } from './CharmPicker.tsx';
import { Endpoints, ProblemAtLine } from './CharmEndpoints.tsx';
import { CHARM_CHOICES, sourceUrl } from './charmSearch.ts';
import { EXAMPLE_METADATA, checkMetadata, deployCommand, type MetadataFile } from './deployForm.ts';
import { ControlLabel, buttonClass, fieldClass, primaryClass } from './style.ts';

type Tab = 'catalog' | 'metadata';

const MAX_UNITS = 20;

export function DeployDialog({ onClose }: { onClose: () => void }) {
  const store = useRelvizStore();
  const rewound = useRelviz((s) => s.length - s.cursor);
  const id = useId();
  const charmSearch = useRef<HTMLInputElement>(null);
  const appInput = useRef<HTMLInputElement>(null);
  const [tab, setTab] = useState<Tab>('catalog');
  const [charm, setCharm] = useState(CHARM_CHOICES[0]?.name ?? '');
  const [file, setFile] = useState<MetadataFile>('metadata.yaml');
  const [text, setText] = useState('');
  /** The application name as typed; null follows the charm's name. */
  const [app, setApp] = useState<string | null>(null);
  const [unitsText, setUnitsText] = useState('1');
  const [error, setError] = useState<string | null>(null);

  const check = tab === 'metadata' ? checkMetadata(file, text) : null;
  const choice = tab === 'catalog' ? CHARM_CHOICES.find((c) => c.name === charm) : undefined;
  const meta: CharmMeta | null = tab === 'catalog' ? (choice?.meta ?? null) : check?.ok ? check.meta : null;
  const subordinate = meta?.subordinate ?? false;
  const appName = app ?? meta?.name ?? '';
  const units = /^\d+$/.test(unitsText.trim()) ? Number(unitsText) : NaN;
  const unitsOk = subordinate || (units >= 1 && units <= MAX_UNITS);
  const canDeploy = meta !== null && unitsOk;

  const deploy = () => {
    if (!canDeploy) return;
    const command = deployCommand({
      charm: tab === 'catalog' ? { kind: 'catalog', name: charm } : { kind: 'files', file, text },
      app: appName,
      units: subordinate ? 0 : units,
    });
    const result = store.getState().apply(command);
    if (result.exitCode === 0) onClose();
    else setError(result.stderr.trim());
  };

  const tabButton = (t: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`${id}-tab-${t}`}
      aria-selected={tab === t}
      aria-controls={`${id}-panel`}
      tabIndex={tab === t ? 0 : -1}
      className={`rounded-t-md border-b-2 px-3 py-1.5 text-sm font-medium ${tab === t ? 'border-orange-600 text-slate-900' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
      onClick={() => {
        setTab(t);
        setApp(null);
        setError(null);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
        e.preventDefault();
        const other: Tab = t === 'catalog' ? 'metadata' : 'catalog';
        setTab(other);
        setApp(null);
        setError(null);
        document.getElementById(`${id}-tab-${other}`)?.focus();
      }}
    >
      {label}
    </button>
  );

  return (
    <ModalDialog labelledBy={`${id}-title`} className="mt-[6vh] max-h-[88vh] w-[44rem]" onClose={onClose} focusFirst={() => charmSearch.current}>
      <form
        method="dialog"
        className="flex flex-col gap-3 p-5"
        onSubmit={(e) => {
          e.preventDefault();
          deploy();
        }}
      >
        <h2 id={`${id}-title`} className="text-lg font-bold">
          {Label.deploy}
        </h2>
        <div role="tablist" aria-label="Charm source" className="flex gap-1 border-b border-slate-200">
          {tabButton('catalog', ControlLabel.fromCatalog)}
          {tabButton('metadata', ControlLabel.fromMetadata)}
          <button
            type="button"
            aria-haspopup="dialog"
            className="ml-auto px-2 text-sm font-medium text-blue-800 underline hover:text-blue-950"
            onPointerEnter={LazyCharmEditor.preload}
            onFocus={LazyCharmEditor.preload}
            onClick={() => {
              onClose();
              // Once this dialog is gone and focus is back on what opened it (the editor returns it there).
              setTimeout(() => openCharmEditor({ kind: 'new' }), 0);
            }}
          >
            {Label.writeCharm}
          </button>
        </div>
        <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${tab}`} className="flex flex-col gap-3">
          {tab === 'catalog' ? (
            <>
              <CharmPicker
                value={charm}
                inputRef={charmSearch}
                onChoose={(name) => {
                  setCharm(name);
                  setApp(null);
                  setError(null);
                }}
                onPicked={() => appInput.current?.focus()}
              />
              {meta && (
                <div className="rounded-md bg-slate-50 px-3 py-2" data-testid="charm-details">
                  <p className="mb-1 flex items-baseline gap-2 text-sm text-slate-700">
                    <span className="font-mono font-semibold text-slate-900">{choice?.name}</span>
                    {meta.summary}
                  </p>
                  {choice?.source && (
                    <p className="mb-1.5 flex flex-wrap items-baseline gap-x-2 gap-y-1 text-xs text-slate-700">
                      <NoBehaviourBadge />
                      <span>its endpoints as its metadata declares them; its hooks run and do nothing.</span>
                      <a className="font-mono text-blue-800 underline" href={sourceUrl(choice.source)} target="_blank" rel="noreferrer">
                        {choice.source.repo.replace(/^github\.com\//, '')}/{choice.source.path}@{choice.source.commit.slice(0, 12)}
                      </a>
                    </p>
                  )}
                  <Endpoints meta={meta} />
                </div>
              )}
            </>
          ) : (
            <>
              <div className="flex items-end gap-3">
                <label className="flex flex-col gap-1 text-sm font-medium">
                  {ControlLabel.metadataFile}
                  <select className={fieldClass} value={file} onChange={(e) => setFile(e.target.value as MetadataFile)}>
                    <option value="metadata.yaml">metadata.yaml</option>
                    <option value="charmcraft.yaml">charmcraft.yaml</option>
                  </select>
                </label>
                <button type="button" className={buttonClass} onClick={() => {
                    setText(EXAMPLE_METADATA[file]);
                    setApp(null);
                    setError(null);
                  }}
                >
                  {ControlLabel.insertExample}
                </button>
              </div>
              <label className="flex flex-col gap-1 text-sm font-medium">
                {file}
                <textarea
                  className={`${fieldClass} h-56 resize-y font-mono text-sm leading-snug`}
                  spellCheck={false}
                  value={text}
                  aria-invalid={check !== null && !check.ok && !check.empty}
                  aria-describedby={`${id}-check`}
                  placeholder={EXAMPLE_METADATA[file]}
                  onChange={(e) => {
                    setText(e.target.value);
                    setApp(null);
                    setError(null);
                  }}
                />
              </label>
              <div id={`${id}-check`} className="min-h-12 text-sm" data-testid="metadata-check">
                {check?.ok ? (
                  <div className="rounded-md bg-emerald-50 px-3 py-2 text-emerald-900">
                    <p className="mb-1 font-medium">
                      ✓ Valid {file}: charm <span className="font-mono">{check.meta.name}</span>
                    </p>
                    <Endpoints meta={check.meta} />
                  </div>
                ) : check && !check.empty ? (
                  <ProblemAtLine message={check.message} line={check.line} text={text} />
                ) : (
                  <p className="text-slate-600">{check?.message}</p>
                )}
              </div>
            </>
          )}
          <div className="flex gap-3">
            <label className="flex flex-1 flex-col gap-1 text-sm font-medium">
              {ControlLabel.applicationName}
              <input
                ref={appInput}
                className={`${fieldClass} font-mono`}
                value={appName}
                spellCheck={false}
                autoComplete="off"
                onChange={(e) => {
                  setApp(e.target.value);
                  setError(null);
                }}
              />
            </label>
            <label className="flex w-28 flex-col gap-1 text-sm font-medium">
              {ControlLabel.units}
              <input
                type="number"
                min={subordinate ? 0 : 1}
                max={MAX_UNITS}
                className={fieldClass}
                value={subordinate ? '0' : unitsText}
                disabled={subordinate}
                aria-invalid={!unitsOk}
                title={subordinate ? 'A subordinate is deployed without units' : `1 to ${MAX_UNITS}`}
                onChange={(e) => {
                  setUnitsText(e.target.value);
                  setError(null);
                }}
              />
            </label>
          </div>
        </div>
        <RewoundNote rewound={rewound} doing="deploying here" />
        <RefusalNote error={error} />
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonClass} onClick={onClose}>
            {ControlLabel.cancel}
          </button>
          <button type="submit" className={primaryClass} disabled={!canDeploy}>
            {Label.deploy}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
