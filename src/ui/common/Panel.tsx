import type { ReactNode } from 'react';

/**
 * A titled region: the accessible name is the title, so tests and screen readers find
 * it by role. `header` replaces the visible title (the history views put their tabs
 * there, so the name is not shown twice); the region keeps the title as its name.
 */
export function Panel({
  title,
  header,
  actions,
  className = '',
  scrollable = false,
  children,
}: {
  title: string;
  header?: ReactNode;
  actions?: ReactNode;
  className?: string;
  /** Its body scrolls text a keyboard user must be able to reach (a tab stop; axe's scrollable-region-focusable). */
  scrollable?: boolean;
  children: ReactNode;
}) {
  return (
    <section aria-label={title} className={`flex min-h-0 flex-col overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm ${className}`}>
      <header className="flex items-center gap-2 border-b border-slate-200 px-3 py-1.5">
        {header ?? <h2 className="text-sm font-semibold tracking-wide text-slate-700">{title}</h2>}
        <div className="ml-auto flex items-center gap-2">{actions}</div>
      </header>
      <div className="min-h-0 flex-1 overflow-auto [contain:strict]" tabIndex={scrollable ? 0 : undefined}>
        {children}
      </div>
    </section>
  );
}
