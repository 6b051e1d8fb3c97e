/**
 * A part of the page loaded on demand (its own chunk: a dialog, the tutorial card), so
 * the first page load carries only what a newcomer sees. While the chunk comes, a small
 * "Loading …" status stands in its place; if it cannot come (offline, a new deploy of
 * relviz meanwhile), an alert says so and offers a reload — never a blank page. (A
 * reload, not another import(): the browser keeps a failed module's answer for the
 * page's life. The session is saved as it changes, so a reload loses nothing.)
 */
import { Component, Suspense, lazy, type ComponentType, type ReactNode } from 'react';

export const LazyLabel = {
  loading: (what: string) => `Loading ${what}…`,
  failed: (what: string) => `Could not load ${what}.`,
  retry: 'Reload the page',
} as const;

/** A component that loads on first render; `preload()` fetches it ahead (on hover or focus of what opens it). */
export type LazyPart<P> = ComponentType<P> & { readonly preload: () => void };

/**
 * `load` resolves to the component (`() => import('./X.tsx').then((m) => m.X)`); `what`
 * names it in the loading and error texts ("the deploy dialog").
 */
export function lazyPart<P extends object>(what: string, load: () => Promise<ComponentType<P>>): LazyPart<P> {
  const Loaded = lazy(() => load().then((c) => ({ default: c }))) as unknown as ComponentType<P>;
  function Part(props: P) {
    return (
      <PartBoundary what={what}>
        <Suspense fallback={<PartLoading what={what} />}>
          <Loaded {...props} />
        </Suspense>
      </PartBoundary>
    );
  }
  Part.displayName = `Lazy(${what})`;
  return Object.assign(Part, { preload: () => void load().catch(() => undefined) });
}

function PartLoading({ what }: { what: string }) {
  return (
    <div role="status" className="fixed top-3 left-1/2 z-50 flex -translate-x-1/2 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 shadow">
      <span aria-hidden className="h-3 w-3 animate-spin rounded-full border-2 border-slate-300 border-t-slate-700" />
      {LazyLabel.loading(what)}
    </div>
  );
}

class PartBoundary extends Component<{ what: string; children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div role="alert" className="fixed top-3 left-1/2 z-50 flex max-w-[36rem] -translate-x-1/2 items-center gap-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 shadow">
        <span>
          {LazyLabel.failed(this.props.what)} <span className="text-red-700">({this.state.error})</span>
        </span>
        <button type="button" className="shrink-0 rounded border border-red-300 bg-white px-2 py-0.5 font-medium whitespace-nowrap hover:bg-red-100" onClick={() => location.reload()}>
          {LazyLabel.retry}
        </button>
      </div>
    );
  }
}
