/**
 * What you can do to the selected thing, with the mouse: a unit (remove, resolve when
 * in error, make its next run of a hook fail, run an action), an application (add
 * units, remove it) or a relation (remove it). Each button gives the store the same
 * command the console would; Juju's refusals show in the error banner.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { Command } from '../../engine/commands.ts';
import type { AppView, ModelView, RelationView, UnitView } from '../../store/view.ts';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';
import { compatible } from '../graph/compat.ts';
import { plausibleHooks } from './plausibleHooks.ts';
import { selectionTarget, type SelectionTarget } from './selection.ts';
import { ControlLabel, buttonClass as fullButton, compact, dangerClass as fullDanger, fieldClass, primaryClass as fullPrimary } from './style.ts';

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
function Popover({ label, trigger, children, onSubmit }: { label: string; trigger: string; children: (close: () => void) => ReactNode; onSubmit: (close: () => void) => void }) {
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
      <button ref={button} type="button" className={buttonClass} aria-expanded={open} aria-controls={open ? id : undefined} onClick={() => setOpen((o) => !o)}>
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

function FailHook({ view, unit, apply }: { view: ModelView; unit: UnitView; apply: Apply }) {
  const hooks = plausibleHooks(view, unit.name);
  const [hook, setHook] = useState(hooks[0] ?? 'install');
  return (
    <Popover label={`${ControlLabel.failHookForm} of ${unit.name}`} trigger={ControlLabel.failNextHook} onSubmit={(close) => {
        apply({ type: 'fail', unit: unit.name, hook });
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
          <p className="text-xs text-slate-600">
            The next time {unit.name} runs this hook it exits 1, and the unit waits in error until resolved (<span className="font-mono">fail {unit.name} {hook}</span>).
          </p>
          <FormButtons submit={ControlLabel.fail} close={close} />
        </>
      )}
    </Popover>
  );
}

function RunAction({ app, unit, apply }: { app: AppView; unit: UnitView; apply: Apply }) {
  const [action, setAction] = useState(app.actions[0]?.name ?? '');
  const [values, setValues] = useState<Record<string, string>>({});
  const params = app.actions.find((a) => a.name === action)?.params ?? [];
  const submit = (close: () => void) => {
    const given = params.flatMap((p): Array<[string, string]> => (values[p] ? [[p, values[p]]] : []));
    apply({ type: 'run-action', unit: unit.name, action, params: given, syntax: '3' });
    close();
  };
  return (
    <Popover label={`${ControlLabel.runActionForm} on ${unit.name}`} trigger={ControlLabel.runAction} onSubmit={submit}>
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

function UnitTools({ view, unit, apply }: { view: ModelView; unit: UnitView; apply: Apply }) {
  const app = view.apps.find((a) => a.name === unit.app);
  return (
    <>
      {unit.failedHook !== null && (
        <>
          <button type="button" className={primaryClass} title={`juju resolve ${unit.name}: run the failed ${unit.failedHook} hook again`} onClick={() => apply({ type: 'resolve', unit: unit.name, noRetry: false })}>
            {ControlLabel.resolve}
          </button>
          <button
            type="button"
            className={buttonClass}
            title={`juju resolve --no-retry ${unit.name}: skip the failed ${unit.failedHook} hook`}
            onClick={() => apply({ type: 'resolve', unit: unit.name, noRetry: true })}
          >
            {ControlLabel.resolveNoRetry}
          </button>
        </>
      )}
      <FailHook key={`fail-${unit.name}`} view={view} unit={unit} apply={apply} />
      {app && app.actions.length > 0 && <RunAction key={`action-${unit.name}`} app={app} unit={unit} apply={apply} />}
      <button type="button" className={dangerClass} title={`juju remove-unit ${unit.name} (Delete)`} onClick={() => apply({ type: 'remove-unit', units: [unit.name] }, true)}>
        {ControlLabel.removeUnit}
      </button>
    </>
  );
}

/** The keyboard way to integrate: every compatible pair of this application's endpoints with another's. */
function Integrate({ view, app, apply }: { view: ModelView; app: AppView; apply: Apply }) {
  const pairs = app.endpoints.flatMap((mine) =>
    view.apps
      .filter((other) => other.name !== app.name)
      .flatMap((other) =>
        other.endpoints
          .filter((theirs) => compatible(view, { app: app.name, endpoint: mine.name }, { app: other.name, endpoint: theirs.name }))
          .map((theirs) => ({ key: `${app.name}:${mine.name} ${other.name}:${theirs.name}`, mine: mine.name, other: other.name, theirs: theirs.name })),
      ),
  );
  const [choice, setChoice] = useState(pairs[0]?.key ?? '');
  if (pairs.length === 0) return null;
  return (
    <Popover
      label={`Integrate ${app.name}`}
      trigger="Integrate…"
      onSubmit={(close) => {
        const p = pairs.find((x) => x.key === choice) ?? pairs[0];
        if (p) apply({ type: 'integrate', a: { app: app.name, endpoint: p.mine }, b: { app: p.other, endpoint: p.theirs } });
        close();
      }}
    >
      {(close) => (
        <>
          <label className="flex flex-col gap-1 text-sm">
            Endpoints
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

function AppTools({ view, app, apply }: { view: ModelView; app: AppView; apply: Apply }) {
  const [count, setCount] = useState('1');
  const n = /^\d+$/.test(count) ? Number(count) : NaN;
  const ok = n >= 1 && n <= 20;
  return (
    <>
      <form
        className="flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (ok) apply({ type: 'add-unit', app: app.name, units: n });
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
        <button
          type="submit"
          className={buttonClass}
          disabled={app.subordinate || !ok}
          title={app.subordinate ? 'A subordinate gets a unit beside each related principal unit' : `juju add-unit ${app.name}${n > 1 ? ` -n ${n}` : ''}`}
        >
          {ControlLabel.addUnit}
        </button>
      </form>
      <Integrate view={view} app={app} apply={apply} />
      <button type="button" className={dangerClass} title={`juju remove-application ${app.name}`} onClick={() => apply({ type: 'remove-application', app: app.name }, true)}>
        {ControlLabel.removeApplication}
      </button>
    </>
  );
}

function RelationTools({ relation, apply }: { relation: RelationView; apply: Apply }) {
  const [a, b] = relation.endpoints;
  if (!a || !b || relation.peer) return <span className="text-sm text-slate-600">Peer relations go with their application.</span>;
  const ref = (e: typeof a) => ({ app: e.app, endpoint: e.endpoint });
  return (
    <button
      type="button"
      className={dangerClass}
      title={`juju remove-relation ${a.app}:${a.endpoint} ${b.app}:${b.endpoint} (Delete)`}
      onClick={() => apply({ type: 'remove-relation', a: ref(a), b: ref(b) }, true)}
    >
      {ControlLabel.removeRelation}
    </button>
  );
}

function describe(t: SelectionTarget): string {
  switch (t.kind) {
    case 'unit':
      return `Unit ${t.unit.name}`;
    case 'app':
      return `Application ${t.app.name}`;
    case 'relation':
      return `Relation #${t.relation.id} (${t.relation.endpoints.map((e) => e.app).join(' ⇄ ')})`;
  }
}

export function SelectionBar() {
  const selection = useRelviz((s) => s.selection);
  const view = useRelviz((s) => s.view);
  const apply = useApply();
  const target = selectionTarget(view, selection);
  if (!target) {
    return <p className="flex h-7 items-center text-sm text-slate-600">Select a unit, application or relation to act on it.</p>;
  }
  return (
    <div role="toolbar" aria-label={ControlLabel.selection} className="flex min-h-7 flex-wrap items-center justify-end gap-2">
      <span className="text-sm font-semibold text-slate-800">
        {describe(target)}
        {target.kind === 'unit' && target.unit.failedHook !== null && <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 font-mono text-xs text-red-800">error: {target.unit.failedHook}</span>}
        {target.life === 'dying' && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">dying</span>}
      </span>
      {target.kind === 'unit' && <UnitTools view={view} unit={target.unit} apply={apply} />}
      {target.kind === 'app' && <AppTools key={target.app.name} view={view} app={target.app} apply={apply} />}
      {target.kind === 'relation' && <RelationTools relation={target.relation} apply={apply} />}
    </div>
  );
}
