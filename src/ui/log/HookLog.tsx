/** Placeholder until the real panel lands. */
export function HookLog() {
  return <p className="p-3 text-sm text-slate-500">HookLog coming soon.</p>;
}
