/** The hook's environment (JUJU-SEMANTICS §8) as a table; unset variables say so, in grey. */
import type { HookRecord } from '../../engine/trace.ts';
import { envRows } from './inspect.ts';
import { sectionHeading as heading } from './style.ts';

export function EnvTable({ r }: { r: HookRecord }) {
  return (
    <table className="w-full table-fixed border-collapse font-mono text-xs">
      <caption className={`${heading} pb-0.5 text-left font-sans`}>Environment</caption>
      <tbody>
        {envRows(r).map(({ name, value }) => (
          <tr key={name} className="border-b border-slate-100 align-baseline">
            <th scope="row" className="w-[9.75rem] py-px pr-2 text-left font-normal text-slate-700">
              {name}
            </th>
            <td className="py-px [overflow-wrap:anywhere]">
              {value === null ? <span className="font-sans text-slate-500 italic">unset</span> : value === '' ? <span className="text-slate-600">"" (empty)</span> : <span className="font-semibold text-slate-950">{value}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
