/** Placeholder until the real panel lands. */
export function HookInspector() {
  return <p className="p-3 text-sm text-slate-500">HookInspector coming soon.</p>;
}
