/**
 * What you can do to the selected thing, with the mouse: a unit (remove, resolve when
 * in error, make its next run of a hook fail, run an action), an application (add
 * units, integrate, remove it) or a relation (remove it). The buttons are the list in
 * targetActions.ts, which the graph's context menu shows too. Each gives the store the
 * same command the console would; Juju's refusals show in the error banner.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { formatCommand, type Command } from '../../engine/commands.ts';
import type { AppView, ModelView, UnitView } from '../../store/view.ts';
import { retryExplanation } from '../common/retryText.ts';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';
import { plausibleHooks } from './plausibleHooks.ts';
import { selectionTarget, type SelectionTarget } from './selection.ts';
import { ControlLabel, buttonClass as fullButton, compact, dangerClass as fullDanger, fieldClass, primaryClass as fullPrimary } from './style.ts';
import { SUBORDINATE_UNITS, addUnitCommand, describeTarget, failCommand, integrateCommand, integratePairs, targetActions, type ActionForm, type TargetAction } from './targetActions.ts';
import { TOOLBAR_FORM_ATTR } from './toolbarForms.ts';

const buttonClass = compact(fullButton);
const dangerClass = compact(fullDanger);
const primaryClass = compact(fullPrimary);

type Apply = (command: Command, thenDeselect?: boolean) => void;

function useApply(): Apply {
  const store = useRelvizStore();
  return (command, thenDeselect = false) => {
    const s = store.getState();
    const result = s.apply(command);
    if (thenDeselect && result.exitCode === 0) s.select(null);
  };
}

/** A small form under a toolbar button; Escape or Cancel closes it and focus returns to the button. */
function Popover({ form: which, label, trigger, title, children, onSubmit }: { form: ActionForm; label: string; trigger: string; title: string; children: (close: () => void) => ReactNode; onSubmit: (close: () => void) => void }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    form.current?.querySelector<HTMLElement>('select, input')?.focus();
    // A press anywhere else closes the form (focus stays where the user put it).
    const away = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);
  return (
    <div ref={root} className="relative">
      <button ref={button} type="button" className={buttonClass} title={title} {...{ [TOOLBAR_FORM_ATTR]: which }} aria-expanded={open} aria-controls={open ? id : undefined} onClick={() => setOpen((o) => !o)}>
        {trigger}
      </button>
      {open && (
        <form
          ref={form}
          id={id}
          role="dialog"
          aria-label={label}
          className="absolute top-full right-0 z-50 mt-2 flex w-72 flex-col gap-2 rounded-lg border border-slate-300 bg-white p-3 text-slate-900 shadow-xl"
          onKeyDown={(e: KeyboardEvent) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              close();
            }
          }}
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            onSubmit(close);
          }}
        >
          <p className="text-sm font-semibold">{label}</p>
          {children(close)}
        </form>
      )}
    </div>
  );
}

function FormButtons({ submit, close, disabled = false }: { submit: string; close: () => void; disabled?: boolean }) {
  return (
    <div className="flex justify-end gap-2">
      <button type="button" className={fullButton} onClick={close}>
        {ControlLabel.cancel}
      </button>
      <button type="submit" className={fullPrimary} disabled={disabled}>
        {submit}
      </button>
    </div>
  );
}

/** How many of the hook's next runs fail: once, N times (`--times N`) or every run (`--always`). */
type FailRuns = 'once' | 'times' | 'always';

function FailHook({ view, unit, title, apply }: { view: ModelView; unit: UnitView; title: string; apply: Apply }) {
  const hooks = plausibleHooks(view, unit.name);
  const [hook, setHook] = useState(hooks[0] ?? 'install');
  const [runs, setRuns] = useState<FailRuns>('once');
  const [count, setCount] = useState('2');
  const n = /^\d+$/.test(count) ? Number(count) : NaN;
  const countOk = runs !== 'times' || (n >= 1 && n <= 99);
  const command = failCommand(unit.name, hook, runs === 'always' ? 'always' : runs === 'times' && countOk ? n : 1);
  const name = useId();
  const radio = (value: FailRuns, label: string) => (
    <label className="flex items-center gap-1">
      <input type="radio" name={name} value={value} checked={runs === value} onChange={() => setRuns(value)} className="accent-orange-600" />
      {label}
    </label>
  );
  return (
    <Popover form="fail-hook" label={`${ControlLabel.failHookForm} of ${unit.name}`} trigger={ControlLabel.failNextHook} title={title} onSubmit={(close) => {
        if (!countOk) return;
        apply(command);
        close();
      }}
    >
      {(close) => (
        <>
          <label className="flex flex-col gap-1 text-sm">
            {ControlLabel.hook}
            <select className={`${fieldClass} font-mono`} value={hook} onChange={(e) => setHook(e.target.value)}>
              {hooks.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="flex flex-col gap-1 text-sm">
            <legend className="mb-1">{ControlLabel.failRuns}</legend>
            <div className="flex flex-col gap-1">
              {radio('once', ControlLabel.failOnce)}
              <span className="flex items-center gap-1">
                <input type="radio" id={`${name}-times`} name={name} value="times" aria-label={ControlLabel.failTimes} checked={runs === 'times'} onChange={() => setRuns('times')} className="accent-orange-600" />
                <input
                  type="number"
                  min={1}
                  max={99}
                  aria-label={ControlLabel.failCount}
                  className={`${compact(fieldClass)} w-16`}
                  value={count}
                  aria-invalid={!countOk}
                  onFocus={() => setRuns('times')}
                  onChange={(e) => {
                    setCount(e.target.value);
                    setRuns('times');
                  }}
                />
                <label htmlFor={`${name}-times`}>times</label>
              </span>
              {radio('always', ControlLabel.failAlways)}
            </div>
          </fieldset>
          <p className="text-xs text-slate-600">
            {runs === 'always' ? 'Every run' : runs === 'times' ? `The next ${countOk ? n : 'N'} runs` : 'The next run'} of this hook on {unit.name} {runs === 'times' && n !== 1 ? 'exit' : 'exits'} 1.{' '}
            {view.autoRetry ? 'Automatic retry is on: the unit re-runs it after 5 s, then 10 s, 20 s… until it succeeds or is resolved.' : 'Automatic retry is off: the unit waits in error until juju resolve.'}{' '}
            (<span className="font-mono">{formatCommand(command)}</span>)
          </p>
          <FormButtons submit={ControlLabel.fail} close={close} disabled={!countOk} />
        </>
      )}
    </Popover>
  );
}

function RunAction({ app, unit, title, apply }: { app: AppView; unit: UnitView; title: string; apply: Apply }) {
  const [action, setAction] = useState(app.actions[0]?.name ?? '');
  const [values, setValues] = useState<Record<string, string>>({});
  const params = app.actions.find((a) => a.name === action)?.params ?? [];
  const submit = (close: () => void) => {
    const given = params.flatMap((p): Array<[string, string]> => (values[p] ? [[p, values[p]]] : []));
    apply({ type: 'run-action', unit: unit.name, action, params: given, syntax: '3' });
    close();
  };
  return (
    <Popover form="run-action" label={`${ControlLabel.runActionForm} on ${unit.name}`} trigger={ControlLabel.runAction} title={title} onSubmit={submit}>
      {(close) => (
        <>
          <label className="flex flex-col gap-1 text-sm">
            {ControlLabel.action}
            <select
              className={`${fieldClass} font-mono`}
              value={action}
              onChange={(e) => {
                setAction(e.target.value);
                setValues({});
              }}
            >
              {app.actions.map((a) => (
                <option key={a.name} value={a.name}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          {params.map((p) => (
            <label key={p} className="flex flex-col gap-1 text-sm">
              <span className="font-mono">{p}</span>
              <input className={fieldClass} value={values[p] ?? ''} autoComplete="off" onChange={(e) => setValues((v) => ({ ...v, [p]: e.target.value }))} />
            </label>
          ))}
          <FormButtons submit={ControlLabel.run} close={close} disabled={action === ''} />
        </>
      )}
    </Popover>
  );
}

/** The keyboard way to integrate: every compatible pair of this application's endpoints with another's. */
function Integrate({ view, app, title, apply }: { view: ModelView; app: AppView; title: string; apply: Apply }) {
  const pairs = integratePairs(view, app);
  const [choice, setChoice] = useState(pairs[0]?.key ?? '');
  if (pairs.length === 0) return null;
  return (
    <Popover
      form="integrate"
      label={`Integrate ${app.name}`}
      trigger={ControlLabel.integrate}
      title={title}
      onSubmit={(close) => {
        const p = pairs.find((x) => x.key === choice) ?? pairs[0];
        if (p) apply(integrateCommand(app.name, p));
        close();
      }}
    >
      {(close) => (
        <>
          <label className="flex flex-col gap-1 text-sm">
            {ControlLabel.integrateEndpoints}
            <select className={fieldClass} value={choice} onChange={(e) => setChoice(e.target.value)}>
              {pairs.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.key.replace(' ', ' ⇄ ')}
                </option>
              ))}
            </select>
          </label>
          <FormButtons submit="Integrate" close={close} />
        </>
      )}
    </Popover>
  );
}

/** The toolbar's Add unit takes a count (the context menu's adds one). */
function AddUnits({ app, apply }: { app: AppView; apply: Apply }) {
  const [count, setCount] = useState('1');
  const n = /^\d+$/.test(count) ? Number(count) : NaN;
  const ok = n >= 1 && n <= 20;
  return (
    <form
      className="flex items-center gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        if (ok) apply(addUnitCommand(app.name, n));
      }}
    >
      <input
        type="number"
        min={1}
        max={20}
        aria-label={ControlLabel.unitsToAdd}
        className={`${compact(fieldClass)} w-16`}
        value={count}
        disabled={app.subordinate}
        aria-invalid={!ok}
        onChange={(e) => setCount(e.target.value)}
      />
      <button type="submit" className={buttonClass} disabled={app.subordinate || !ok} title={app.subordinate ? SUBORDINATE_UNITS : `juju add-unit ${app.name}${n > 1 ? ` -n ${n}` : ''}`}>
        {ControlLabel.addUnit}
      </button>
    </form>
  );
}

const TONE = { primary: primaryClass, normal: buttonClass, danger: dangerClass } as const;

/** One item of targetActions as a toolbar control: a button, or the form it opens. */
function Tool({ view, target, item, apply }: { view: ModelView; target: SelectionTarget; item: TargetAction; apply: Apply }) {
  if (target.kind === 'unit' && item.id === 'fail-hook') return <FailHook key={`fail-${target.unit.name}`} view={view} unit={target.unit} title={item.title} apply={apply} />;
  if (target.kind === 'unit' && item.id === 'run-action') {
    const app = view.apps.find((a) => a.name === target.unit.app);
    return app ? <RunAction key={`action-${target.unit.name}`} app={app} unit={target.unit} title={item.title} apply={apply} /> : null;
  }
  if (target.kind === 'app' && item.id === 'integrate') return <Integrate key={`integrate-${target.app.name}`} view={view} app={target.app} title={item.title} apply={apply} />;
  if (target.kind === 'app' && item.id === 'add-unit') return <AddUnits key={`add-${target.app.name}`} app={target.app} apply={apply} />;
  const effect = item.effect;
  if (effect.kind !== 'command') return null;
  return (
    <button type="button" className={TONE[item.tone]} title={item.title} disabled={item.disabled !== null} onClick={() => apply(effect.command, effect.deselect)}>
      {item.label}
    </button>
  );
}

export function SelectionBar() {
  const selection = useRelviz((s) => s.selection);
  const view = useRelviz((s) => s.view);
  const apply = useApply();
  const target = selectionTarget(view, selection);
  if (!target) {
    return <p className="flex h-7 items-center text-sm text-slate-600">Select a unit, application or relation to act on it.</p>;
  }
  const items = targetActions(view, target);
  return (
    <div role="toolbar" aria-label={ControlLabel.selection} className="flex min-h-7 flex-wrap items-center justify-end gap-2">
      <span className="text-sm font-semibold text-slate-800">
        {describeTarget(target)}
        {/* (The unit chip says whether it retries by itself; here, the tooltip, so the toolbar keeps to one row.) */}
        {target.kind === 'unit' && target.unit.failedHook !== null && (
          <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 font-mono text-xs text-red-800" title={retryExplanation(target.unit) ?? undefined}>
            error: {target.unit.failedHook}
          </span>
        )}
        {target.life === 'dying' && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">dying</span>}
      </span>
      {target.kind === 'relation' && items.length === 0 && <span className="text-sm text-slate-600">Peer relations go with their application.</span>}
      {items.map((item) => (
        <Tool key={`${target.kind}-${item.id}`} view={view} target={target} item={item} apply={apply} />
      ))}
    </div>
  );
}
