/**
 * Where a tutorial's targets are on screen: a CSS selector for each, found from the
 * view at the cursor (the relation's id, the hook's seq). Pure, so it is tested
 * without a browser; the highlighter marks whatever the selectors find.
 */
import type { TraceRecord, TraceList } from '../../engine/trace.ts';
import type { ModelView } from '../../store/view.ts';
import { findHook, type Target } from '../../teaching/tutorial.ts';

const q = (v: string | number) => JSON.stringify(String(v));

/** The newest matching hook record at or before trace index `end`. */
function lastHook(trace: TraceList, end: number, unit: string, hook: string): TraceRecord | undefined {
  let found: TraceRecord | undefined;
  for (let from = 0; ; ) {
    const i = findHook(trace, { unit, hook }, from);
    if (i < 0 || i >= end) return found;
    found = trace.at(i);
    from = i + 1;
  }
}

export function targetSelector(target: Target, view: ModelView, trace: TraceList, traceEnd: number): string | null {
  switch (target.kind) {
    case 'unit':
      return `.react-flow [data-unit=${q(target.unit)}]`;
    case 'app':
      return `[data-app-node=${q(target.app)}]`;
    case 'relation': {
      const [a, b] = target.apps;
      const rel = [...view.relations].reverse().find((r) => r.endpoints.some((e) => e.app === a) && r.endpoints.some((e) => e.app === b));
      if (!rel) return null;
      return rel.peer ? `[data-app-node=${q(a)}]` : `[data-relation-label=${q(rel.id)}]`;
    }
    case 'bag-key':
      return `[data-bag=${q(`unit:${target.owner}`)}] [data-key=${q(target.key)}], [data-bag=${q(`app:${target.owner}`)}] [data-key=${q(target.key)}]`;
    case 'block': {
      const r = lastHook(trace, traceEnd, target.unit, target.hook);
      return r && r.type === 'hook' ? `[data-swimlane-unit=${q(target.unit)}][data-seq=${q(r.seq)}]` : null;
    }
    case 'console':
      return 'section[aria-label="Console"]';
  }
}
