/**
 * The Deploy dialog's charm chooser: a search box (ARIA combobox) over every catalog
 * charm and the list of matches (listbox). Arrow keys move through the matches and
 * choose, Enter takes the chosen one and moves on to the application name; a click
 * chooses too. Real charms carry a badge: their endpoints are real, their hooks do
 * nothing.
 */
import { useId, useState, type KeyboardEvent, type RefObject } from 'react';
import { Label } from '../labels.ts';
import { searchCharms, type CharmChoice } from './charmSearch.ts';
import { ControlLabel, fieldClass } from './style.ts';

/** `ingress, ingress-per-unit, …`: the declared endpoints (peers last), for one line. */
function endpointNames(c: CharmChoice): string {
  const eps = c.meta.endpoints;
  return eps.length === 0 ? 'no endpoints but juju-info' : eps.map((e) => e.name).join(', ');
}

export function NoBehaviourBadge() {
  return (
    <span title={Label.noBehaviourHelp} className="shrink-0 rounded bg-violet-100 px-1.5 py-px text-[11px] font-medium whitespace-nowrap text-violet-900">
      real charm · {Label.noBehaviour}
    </span>
  );
}

/** The contrast: a teaching charm's hooks do what the course says. */
function TeachingBadge() {
  return (
    <span title={Label.teachingHelp} className="shrink-0 rounded bg-emerald-100 px-1.5 py-px text-[11px] font-medium whitespace-nowrap text-emerald-900">
      {Label.teaching}
    </span>
  );
}

export function CharmPicker({
  value,
  onChoose,
  onPicked,
  inputRef,
}: {
  /** The chosen charm's catalog name. */
  value: string;
  onChoose: (name: string) => void;
  /** Enter in the search box: the choice is made. */
  onPicked: () => void;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const matches = searchCharms(query);
  const index = matches.findIndex((c) => c.name === value);
  const optionId = (name: string) => `${id}-option-${name.replace(/[^\w-]/g, '_')}`;

  const move = (by: number) => {
    if (matches.length === 0) return;
    const next = matches[Math.min(matches.length - 1, Math.max(0, index + by))];
    if (!next) return;
    onChoose(next.name);
    document.getElementById(optionId(next.name))?.scrollIntoView({ block: 'nearest' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 5, PageUp: -5 };
    if (e.key in step) {
      e.preventDefault();
      move(step[e.key] ?? 0);
    } else if (e.key === 'Enter') {
      // Enter takes the chosen charm; it does not deploy (the form's Enter does, from the fields below).
      e.preventDefault();
      if (index >= 0) onPicked();
    }
  };

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={`${id}-search`} className="text-sm font-medium">
        {ControlLabel.searchCharms}
      </label>
      <input
        ref={inputRef}
        id={`${id}-search`}
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={index >= 0 ? optionId(value) : undefined}
        aria-describedby={`${id}-count`}
        className={fieldClass}
        placeholder="name, interface or endpoint: traefik, postgresql, ingress…"
        spellCheck={false}
        autoComplete="off"
        value={query}
        onChange={(e) => {
          const q = e.target.value;
          setQuery(q);
          // Keep the choice while it still matches; else the best match (none: nothing to deploy).
          const now = searchCharms(q);
          if (!now.some((c) => c.name === value)) onChoose(now[0]?.name ?? '');
        }}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-count`} className="text-xs text-slate-600" aria-live="polite">
        {matches.length === 0 ? 'No charm matches.' : `${matches.length} charm${matches.length === 1 ? '' : 's'}; ↑ ↓ to choose, Enter to take it.`}
      </p>
      <ul id={`${id}-list`} role="listbox" aria-label={ControlLabel.charm} className="max-h-52 overflow-y-auto rounded-md border border-slate-300">
        {matches.map((c) => {
          const chosen = c.name === value;
          return (
            <li
              key={c.name}
              id={optionId(c.name)}
              role="option"
              aria-selected={chosen}
              aria-label={c.name}
              aria-describedby={`${optionId(c.name)}-about`}
              className={`cursor-pointer border-b border-slate-100 px-2 py-1 last:border-b-0 ${chosen ? 'bg-orange-50 outline-2 -outline-offset-2 outline-orange-500' : 'hover:bg-slate-50'}`}
              onClick={() => {
                onChoose(c.name);
                inputRef.current?.focus();
              }}
            >
              <div className="flex items-baseline gap-2">
                <span className="shrink-0 font-mono text-sm font-semibold whitespace-nowrap text-slate-900">{c.name}</span>
                <span id={`${optionId(c.name)}-about`} className="min-w-0 truncate text-xs text-slate-600">
                  {c.meta.summary}
                  {c.source && <span className="sr-only">; real charm, {Label.noBehaviour}: its hooks do nothing</span>}
                </span>
                <span className="ml-auto">{c.source ? <NoBehaviourBadge /> : <TeachingBadge />}</span>
              </div>
              <div className="truncate font-mono text-[11px] text-slate-500" title={endpointNames(c)}>
                {endpointNames(c)}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
