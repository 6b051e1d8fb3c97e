/**
 * The hooks a unit could plausibly run, for `fail <unit> <hook>` (the "Fail next
 * hook…" form and console completion): the lifecycle hooks, leadership, and the five
 * relation hooks of each endpoint its application declares. The implicit `juju-info`
 * provider is left out: implicit relations run no hooks on the principal side.
 */
import type { ModelView } from '../../store/view.ts';

export const LIFECYCLE_HOOKS = ['install', 'config-changed', 'start', 'stop', 'remove', 'leader-elected'] as const;

export const RELATION_HOOK_KINDS = ['created', 'joined', 'changed', 'departed', 'broken'] as const;

/** Hook names for `unit` at this point of the model; empty when the unit does not exist. */
export function plausibleHooks(view: ModelView, unit: string): string[] {
  const u = view.units[unit];
  const app = u ? view.apps.find((a) => a.name === u.app) : undefined;
  if (!app) return [];
  const hooks: string[] = [...LIFECYCLE_HOOKS];
  // Juju 3.6 still runs leader-settings-changed on the other units; 4.0 dropped it.
  if (view.juju === '3.6') hooks.push('leader-settings-changed');
  for (const ep of app.endpoints) {
    if (ep.implicit) continue;
    for (const kind of RELATION_HOOK_KINDS) hooks.push(`${ep.name}-relation-${kind}`);
  }
  return hooks;
}
