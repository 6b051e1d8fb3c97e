/** Placeholder until the real panel lands. */
export function DatabagPanel() {
  return <p className="p-3 text-sm text-slate-500">DatabagPanel coming soon.</p>;
}
