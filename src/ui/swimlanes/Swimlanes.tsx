/** Placeholder until the real panel lands. */
export function Swimlanes() {
  return <p className="p-3 text-sm text-slate-500">Swimlanes coming soon.</p>;
}
