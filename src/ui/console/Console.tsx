/** Placeholder until the real panel lands. */
export function Console() {
  return <p className="p-3 text-sm text-slate-500">Console coming soon.</p>;
}
