/** Which endpoints can be integrated: one provides and one requires, same interface, different applications. */
import type { EndpointMeta } from '../../engine/charm.ts';
import type { ModelView } from '../../store/view.ts';

export interface EndpointRefView {
  readonly app: string;
  readonly endpoint: string;
}

export function findEndpoint(view: ModelView, ref: EndpointRefView): EndpointMeta | undefined {
  return view.apps.find((a) => a.name === ref.app)?.endpoints.find((e) => e.name === ref.endpoint);
}

export function compatible(view: ModelView, from: EndpointRefView, to: EndpointRefView): boolean {
  if (from.app === to.app) return false;
  const a = findEndpoint(view, from);
  const b = findEndpoint(view, to);
  if (!a || !b || a.interface !== b.interface) return false;
  return (a.role === 'provides' && b.role === 'requires') || (a.role === 'requires' && b.role === 'provides');
}

/** Endpoints of `app` that could take a relation from `from`. */
export function candidatesOn(view: ModelView, from: EndpointRefView, app: string): EndpointMeta[] {
  const target = view.apps.find((a) => a.name === app);
  if (!target) return [];
  return target.endpoints.filter((e) => compatible(view, from, { app, endpoint: e.name }));
}
