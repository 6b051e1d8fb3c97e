import { KIND_FILTERS, NO_FILTER, isFiltered, type KindFilter, type LogFilter, type RelationOption } from './filter.ts';
import { LogLabel } from './labels.ts';

const field = 'flex items-center gap-1.5 font-medium text-slate-700';
const select = 'h-8 min-w-0 rounded-md border border-slate-400 bg-white px-1.5 text-sm text-slate-900';

export interface LogFiltersProps {
  readonly filter: LogFilter;
  readonly onChange: (f: LogFilter) => void;
  readonly units: readonly string[];
  readonly relations: readonly RelationOption[];
  /** Rows shown / hooks up to the cursor. */
  readonly shown: number;
  readonly total: number;
}

/** The three menus above the log, a reset, and how many hooks pass. */
export function LogFilters({ filter, onChange, units, relations, shown, total }: LogFiltersProps) {
  return (
    <div className="flex flex-wrap items-center gap-x-2.5 gap-y-1 border-b border-slate-200 bg-slate-50 px-2 py-1.5 text-sm">
      <label className={field}>
        Unit
        <select aria-label={LogLabel.filterUnit} className={`${select} w-26`} value={filter.unit} onChange={(e) => onChange({ ...filter, unit: e.target.value })}>
          <option value="">all units</option>
          {units.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        Relation
        <select aria-label={LogLabel.filterRelation} className={`${select} w-36`} value={filter.relation} onChange={(e) => onChange({ ...filter, relation: e.target.value })}>
          <option value="">all relations</option>
          {relations.map((r) => (
            <option key={r.id} value={String(r.id)}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        Hook
        <select aria-label={LogLabel.filterKind} className={`${select} w-36`} value={filter.kind} onChange={(e) => onChange({ ...filter, kind: e.target.value as KindFilter })}>
          {Object.entries(KIND_FILTERS).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {isFiltered(filter) && (
        <button
          type="button"
          aria-label={LogLabel.clearFilters}
          title={LogLabel.clearFilters}
          className="h-8 w-8 rounded-md border border-slate-400 bg-white text-base leading-none text-slate-800 hover:bg-slate-100"
          onClick={() => onChange(NO_FILTER)}
        >
          ✕
        </button>
      )}
      <span className="ml-auto text-slate-600 tabular-nums" title="hooks up to the cursor">
        {shown === total ? `${total} hook${total === 1 ? '' : 's'}` : `${shown} of ${total}`}
      </span>
    </div>
  );
}
