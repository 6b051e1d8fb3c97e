/** Workload status as colour + text (never colour alone). */
export const STATUS_STYLE: Record<string, string> = {
  active: 'border-emerald-600 bg-emerald-50 text-emerald-900',
  waiting: 'border-amber-500 bg-amber-50 text-amber-900',
  maintenance: 'border-sky-600 bg-sky-50 text-sky-900',
  blocked: 'border-orange-600 bg-orange-50 text-orange-900',
  error: 'border-red-600 bg-red-100 text-red-900',
  unknown: 'border-slate-400 bg-slate-50 text-slate-800',
  dying: 'border-slate-500 bg-slate-200 text-slate-700 border-dashed',
};

export function statusStyle(workload: string, life: 'alive' | 'dying'): string {
  if (workload === 'error') return STATUS_STYLE['error'] as string;
  if (life === 'dying') return STATUS_STYLE['dying'] as string;
  return STATUS_STYLE[workload] ?? (STATUS_STYLE['unknown'] as string);
}

export const ROLE_STYLE: Record<string, { dot: string; text: string; label: string }> = {
  provides: { dot: '!bg-cyan-700', text: 'text-cyan-800', label: 'provides' },
  requires: { dot: '!bg-violet-700', text: 'text-violet-800', label: 'requires' },
  peers: { dot: '!bg-amber-700', text: 'text-amber-800', label: 'peers' },
};
