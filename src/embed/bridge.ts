/**
 * The embedded relviz's side of the postMessage protocol (protocol.ts): applies the
 * parent page's messages to the store, and tells the parent what happens — each hook
 * the cursor passes while playing or stepping forward, and the cursor, length and
 * playing state as they change (at most every `stateEveryMs`, the last state always
 * sent). `createBridge` knows no DOM, so the unit tests drive it with a store alone;
 * `connectBridge` wires it to `window` and its parent.
 */
import type { Timeline } from '../engine/timeline.ts';
import { ScriptSyntaxError } from '../io/script.ts';
import { SessionError, scriptSession } from '../store/session.ts';
import type { RelvizState, RelvizStore } from '../store/store.ts';
import { tutorialEntry } from '../teaching/tutorials/list.ts';
import { tutorialById } from '../teaching/tutorials/registry.ts';
import type { DocumentProblem } from '../teaching/document.ts';
import { hookEvent, parseInbound, type HookEvent, type InboundMessage, type OutboundMessage } from './protocol.ts';

export interface Bridge {
  /** Handles one message from the parent page (its sender already checked). */
  receive(data: unknown): void;
  /** Announces `relviz:ready` with the history's length, then `relviz:state`. */
  ready(): void;
  dispose(): void;
}

export interface BridgeOptions {
  /** Least time between two `relviz:state` messages, in ms (default 100). */
  readonly stateEveryMs?: number;
}

/** The hooks of ticks `from`..`to`-1, each with the cursor that shows it. */
export function hooksPassed(t: Timeline, from: number, to: number): HookEvent[] {
  const out: HookEvent[] = [];
  const trace = t.fullTrace;
  for (let tick = from; tick < to; tick++) {
    const end = t.traceIndexAt(tick + 1);
    for (let i = t.traceIndexAt(tick); i < end; i++) {
      const r = trace.at(i);
      if (r?.type === 'hook') out.push(hookEvent(r, tick + 1));
    }
  }
  return out;
}

/**
 * Whether the move from `prev` to `s` passes hooks the parent should hear about:
 * forward on the same history, by playback or by one step. A jump (the scrubber, a
 * seek, a reload of the model) passes nothing.
 */
export function passesHooks(s: RelvizState, prev: RelvizState): boolean {
  if (s.timeline !== prev.timeline || s.generation !== prev.generation || s.cursor <= prev.cursor) return false;
  return s.playing || prev.playing || s.cursor - prev.cursor === 1;
}

/** A document's problems as one `relviz:error` (and banner) text: each with its line, the first ten. */
export function tutorialProblems(problems: readonly DocumentProblem[]): string {
  const listed = problems.slice(0, 10).map((p) => `line ${p.line}: ${p.message}`);
  return `relviz:tutorial: the tutorial cannot be played: ${listed.join('; ')}${problems.length > 10 ? `; and ${problems.length - 10} more` : ''}`;
}

export function createBridge(store: RelvizStore, post: (message: OutboundMessage) => void, opts: BridgeOptions = {}): Bridge {
  const every = opts.stateEveryMs ?? 100;
  let lastStateAt = -Infinity;
  let lastState = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const sendState = () => {
    timer = undefined;
    lastStateAt = Date.now();
    const { cursor, length, playing } = store.getState();
    const key = `${cursor}/${length}/${playing}`;
    if (key === lastState) return;
    lastState = key;
    post({ type: 'relviz:state', cursor, length, playing });
  };
  const stateChanged = () => {
    if (timer !== undefined) return;
    const wait = lastStateAt + every - Date.now();
    if (wait <= 0) sendState();
    else timer = setTimeout(sendState, wait);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (passesHooks(s, prev)) for (const e of hooksPassed(s.timeline, prev.cursor, s.cursor)) post(e);
    if (s.cursor !== prev.cursor || s.length !== prev.length || s.playing !== prev.playing) stateChanged();
  });

  /** Runs `fn` once the history is built (a long script is built in several tasks). */
  const whenBuilt = (fn: () => void) => {
    if (store.getState().busy === null) return fn();
    const off = store.subscribe((next) => {
      if (next.busy !== null) return;
      off();
      fn();
    });
  };

  /** `ready`, then the state at once: a scenario or a shared session does not start at tick 0. */
  const ready = () => {
    post({ type: 'relviz:ready', length: store.getState().length });
    clearTimeout(timer);
    lastState = '';
    sendState();
  };
  const error = (message: string) => post({ type: 'relviz:error', message });

  const apply = (m: InboundMessage) => {
    const s = store.getState();
    switch (m.type) {
      case 'relviz:load':
        try {
          // The schema every door uses: the grammar, and relviz's limits.
          scriptSession(m.script);
        } catch (e) {
          if (!(e instanceof ScriptSyntaxError) && !(e instanceof SessionError)) throw e;
          // Nothing of a script that does not fit is loaded (as `sim` exits 2); the page says so too.
          store.setState({ error: `ERROR relviz:load: ${e.message}` });
          return error(`relviz:load: ${e.message}`);
        }
        s.loadScript(m.script);
        return whenBuilt(ready);
      case 'relviz:play':
        return s.play();
      case 'relviz:pause':
        return s.pause();
      case 'relviz:step':
        s.pause();
        return s.stepForward();
      case 'relviz:back':
        s.pause();
        return s.stepBack();
      case 'relviz:seek':
        s.pause();
        return s.seek(Math.min(m.tick, store.getState().length));
      case 'relviz:tutorial': {
        if ('text' in m) {
          const opened = s.openTutorialDocument(m.text, { step: m.step - 1 });
          if (!opened.ok) {
            store.setState({ error: `ERROR ${tutorialProblems(opened.problems)}` });
            return error(tutorialProblems(opened.problems));
          }
          const steps = tutorialById(opened.id)?.steps.length ?? 0;
          if (m.step > steps) return error(`relviz:tutorial: this tutorial has ${steps} steps, not ${m.step} (it opened at step ${steps})`);
          return ready();
        }
        const tutorial = tutorialEntry(m.id);
        if (!tutorial) return error(`relviz:tutorial: no tutorial "${m.id}"`);
        if (m.step > tutorial.steps) return error(`relviz:tutorial: "${m.id}" has ${tutorial.steps} steps, not ${m.step}`);
        s.openTutorial(m.id, m.step - 1);
        return ready();
      }
      default:
        return assertNever(m);
    }
  };

  return {
    receive(data) {
      const parsed = parseInbound(data);
      if (parsed.ok) apply(parsed.message);
      else error(parsed.error);
    },
    ready,
    dispose() {
      unsubscribe();
      clearTimeout(timer);
    },
  };
}

function assertNever(x: never): never {
  throw new Error(`unexpected message ${JSON.stringify(x)}`);
}

/**
 * Connects the store to the page that frames this one: only messages from
 * `window.parent` are read, and, when `origin` is not `*`, only those from that
 * origin; replies are posted to `origin`. Does nothing outside a frame. Returns a
 * function that disconnects.
 */
export function connectBridge(store: RelvizStore, win: Window, origin: string): () => void {
  const parent = win.parent;
  // Not framed: window.parent is this window, and our own replies would come back as "the parent's".
  if (parent === win) return () => {};
  const bridge = createBridge(store, (m) => parent.postMessage(m, origin));
  const onMessage = (e: MessageEvent) => {
    if (e.source !== parent) return;
    if (origin !== '*' && e.origin !== origin) return;
    bridge.receive(e.data);
  };
  win.addEventListener('message', onMessage);
  bridge.ready();
  return () => {
    win.removeEventListener('message', onMessage);
    bridge.dispose();
  };
}
