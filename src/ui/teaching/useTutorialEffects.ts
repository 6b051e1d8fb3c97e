/**
 * A tutorial's effects outside React's render path: the things the narration points
 * at get `data-highlight` (styled in index.css), re-applied as panels render; and the
 * step's `juju run` inspections are echoed in the console as the cursor passes them,
 * as if typed there.
 */
import { useEffect } from 'react';
import type { RelvizStore } from '../../store/store.ts';
import { targetSelector } from './targets.ts';
import { tutorialAt } from './tutorialView.ts';

const ATTR = 'data-highlight';

function highlight(store: RelvizStore): void {
  const s = store.getState();
  const at = tutorialAt(s);
  const want = new Set<Element>();
  if (at) {
    const end = s.timeline.traceIndexAt(s.cursor);
    for (const target of at.targets) {
      const selector = targetSelector(target, s.view, s.timeline.fullTrace, end);
      if (selector) document.querySelectorAll(selector).forEach((el) => want.add(el));
    }
  }
  document.querySelectorAll(`[${ATTR}]`).forEach((el) => {
    if (!want.has(el)) el.removeAttribute(ATTR);
  });
  want.forEach((el) => {
    if (!el.hasAttribute(ATTR)) el.setAttribute(ATTR, '');
  });
}

/** Echoes the step's exec/run lines once the cursor is past them (each once per step visit). */
function echo(store: RelvizStore, echoed: Set<string>): void {
  const s = store.getState();
  if (!s.tutorial) return;
  const t = s.timeline;
  const key = `${s.tutorial.id}:${s.tutorial.step}:${s.revision}`;
  s.inputs.forEach((input, i) => {
    if (input.command.type !== 'exec') return;
    const start = t.entryStartTick(i);
    if (start < s.stepStart || start >= s.cursor || echoed.has(`${key}:${i}`)) return;
    echoed.add(`${key}:${i}`);
    const record = t.fullTrace.at(t.traceIndexAt(start));
    if (record?.type !== 'command') return;
    s.echo({ input: input.text, stdout: record.stdout, stderr: record.stderr, exitCode: record.exitCode });
  });
}

export function useTutorialEffects(store: RelvizStore): void {
  useEffect(() => {
    let frame = 0;
    const echoed = new Set<string>();
    const schedule = () => {
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        highlight(store);
      });
    };
    // Panels render their parts later (a databag row, a swimlane block): look again when
    // the page changes — only while a tutorial is open.
    const observer = new MutationObserver(schedule);
    let observing = false;
    const watch = (on: boolean) => {
      if (on && !observing) observer.observe(document.body, { childList: true, subtree: true });
      if (!on && observing) observer.disconnect();
      observing = on;
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.tutorial === null && prev.tutorial === null) return;
      if (s.tutorial !== prev.tutorial) echoed.clear();
      watch(s.tutorial !== null);
      echo(store, echoed);
      schedule();
    });
    watch(store.getState().tutorial !== null);
    schedule();
    return () => {
      unsubscribe();
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [store]);
}
