/**
 * The console: a terminal for the same language as the scripts (`juju deploy …`,
 * `juju exec --unit worker/0 -- relation-get …`, `step 3`, `wait`). Enter runs the
 * line at the cursor (store.runLine); ArrowUp/ArrowDown walk the history, keeping the
 * draft; Tab completes (complete.ts) and lists several matches, cycling on repeated
 * Tab; Escape clears. Output is text only: `$ <input>`, stdout, then stderr in red, then relviz's own
 * note in grey (a wait that stopped with only failing hooks' retries left). The
 * history's own inspections (the example's `juju run … relation-get`, `juju status`)
 * print here as playback passes them (useEchoScript).
 */
import { memo, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ConsoleEntry } from '../../store/store.ts';
import { Label } from '../labels.ts';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';
import { clipText } from '../common/clip.ts';
import type * as Completion from './complete.ts';
import type { CompletionMenu } from './complete.ts';
import { historyDown, historyOf, historyUp, type HistoryPosition } from './history.ts';
import { useEchoScript } from './useEchoScript.ts';
import { autoLayout } from '../graph/layout.ts';

/** Tab completion (complete.ts, with the catalog's names) comes when the console is first focused, not with the page. */
let completion: typeof Completion | null = null;
let completionLoading: Promise<typeof Completion> | null = null;
function loadCompletion(): Promise<typeof Completion> {
  completionLoading ??= import('./complete.ts').then(
    (m) => (completion = m),
    (e: unknown) => {
      completionLoading = null;
      throw e;
    },
  );
  return completionLoading;
}

/** Drops the one trailing newline every command prints, so entries don't end in a blank line. */
const trimEnd = (s: string) => s.replace(/\n$/, '');

/** The most of one line or output shown (src/ui/common/clip.ts). */
const clip = (s: string) => clipText(s);

/** One stderr line: Juju's `ERROR …` lines bold and bright, the rest (Deployed …, Running operation …) red too but lighter. */
function StderrLine({ text }: { text: string }) {
  const error = /^(ERROR|bash:)/.test(text);
  return <div className={error ? 'font-semibold text-red-400' : 'text-rose-300'}>{text === '' ? '\u00a0' : text}</div>;
}

const Entry = memo(function Entry({ entry }: { entry: ConsoleEntry }) {
  const stdout = clip(trimEnd(entry.stdout));
  const stderr = clip(trimEnd(entry.stderr));
  return (
    <div className="border-t border-slate-800 py-1.5 first:border-t-0" data-exit-code={entry.exitCode}>
      <div className="break-all whitespace-pre-wrap">
        <span aria-hidden className="font-bold text-emerald-400 select-none">
          $
        </span>{' '}
        <span className="font-semibold text-white">{clip(entry.input)}</span>
      </div>
      {stdout !== '' && <div className="break-words whitespace-pre-wrap text-slate-200">{stdout}</div>}
      {stderr !== '' && (
        <div className="break-words whitespace-pre-wrap" data-stream="stderr">
          {stderr.split('\n').map((l, i) => (
            <StderrLine key={i} text={l} />
          ))}
        </div>
      )}
      {entry.note && (
        // relviz's remark, not Juju's output: dim, as a shell comment.
        <div className="break-words whitespace-pre-wrap text-slate-400 italic" data-stream="note">
          # {entry.note}
        </div>
      )}
    </div>
  );
});

export function Console() {
  const store = useRelvizStore();
  useEchoScript(store);
  const log = useRelviz((s) => s.consoleLog);
  const history = useMemo(() => historyOf(log.map((e) => e.input)), [log]);
  const [line, setLine] = useState('');
  const [menu, setMenu] = useState<CompletionMenu | null>(null);
  const [position, setPosition] = useState<HistoryPosition | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const output = useRef<HTMLDivElement>(null);
  /** Where to put the caret after the next render (completion, history). */
  const caret = useRef<number | null>(null);

  // Follow the newest entry.
  useLayoutEffect(() => {
    const el = output.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [log, menu]);

  useLayoutEffect(() => {
    const at = caret.current;
    const el = input.current;
    if (at !== null && el) {
      el.setSelectionRange(at, at);
      // Chromium does not scroll a text field to a caret placed from script.
      if (at === el.value.length) el.scrollLeft = el.scrollWidth;
      caret.current = null;
    }
  });

  const show = (text: string, at = text.length) => {
    caret.current = at;
    setLine(text);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
    const el = e.currentTarget;
    switch (e.key) {
      case 'Enter': {
        e.preventDefault();
        // `juju export-bundle` writes where the graph draws each application.
        store.getState().runLine(line, { drawn: () => autoLayout(store.getState().view, store.getState().positions) });
        show('');
        setMenu(null);
        setPosition(null);
        return;
      }
      case 'ArrowUp': {
        e.preventDefault();
        const step = historyUp(history, position, line);
        if (step) {
          show(step.line);
          setPosition(step.position);
          setMenu(null);
        }
        return;
      }
      case 'ArrowDown': {
        e.preventDefault();
        const step = historyDown(history, position);
        if (step) {
          show(step.line);
          setPosition(step.position);
          setMenu(null);
        }
        return;
      }
      case 'Tab': {
        // An empty line lets Tab move focus on (no keyboard trap); Shift+Tab always does.
        if (e.shiftKey || line.trim() === '') return;
        e.preventDefault();
        const cursor = el.selectionStart ?? line.length;
        const complete = (c: typeof Completion) => {
          const r = c.pressTab(line, cursor, menu, store.getState().view, undefined, Object.keys(store.getState().openedFiles));
          show(r.line, r.cursor);
          setMenu(r.menu);
        };
        if (completion) complete(completion);
        else void loadCompletion().then(complete, () => undefined);
        return;
      }
      case 'Escape': {
        if (line === '' && menu === null) return;
        e.preventDefault();
        show('');
        setMenu(null);
        setPosition(null);
        return;
      }
      default:
    }
  };

  return (
    <div className="flex h-full flex-col bg-slate-950 font-mono text-sm leading-relaxed text-slate-100">
      <div
        ref={output}
        role="log"
        aria-label="Console output"
        tabIndex={0}
        className="min-h-0 flex-1 overflow-auto px-3 py-2"
        onMouseUp={() => {
          // A click (not a text selection) in the output goes back to the prompt, as in a terminal.
          if (window.getSelection()?.isCollapsed ?? true) input.current?.focus();
        }}
      >
        {log.length === 0 ? (
          <p className="text-slate-400">
            Type a command as in the scripts: <span className="text-slate-200">juju status --relations</span>,{' '}
            <span className="text-slate-200">juju exec --unit worker/0 -- relation-ids master</span>, <span className="text-slate-200">step 3</span>,{' '}
            <span className="text-slate-200">wait</span>.
            <br />
            <kbd className="text-amber-300">Tab</kbd> completes, <kbd className="text-amber-300">↑</kbd> <kbd className="text-amber-300">↓</kbd> recall, <kbd className="text-amber-300">Esc</kbd> clears.
          </p>
        ) : (
          log.map((entry, i) => <Entry key={i} entry={entry} />)
        )}
      </div>
      {menu && (
        <ul id="console-completions" aria-label="Completions" className="flex max-h-24 flex-wrap gap-x-4 gap-y-0.5 overflow-auto border-t border-slate-700 bg-slate-900 px-3 py-1.5">
          {menu.candidates.map((c, i) => (
            <li key={c} aria-current={i === menu.index || undefined} className={i === menu.index ? 'rounded bg-amber-300 px-1 text-slate-950' : 'px-1 text-sky-300'}>
              {c}
            </li>
          ))}
        </ul>
      )}
      <div className="flex items-center gap-2 border-t border-slate-700 bg-slate-900 px-3 py-1.5 focus-within:bg-slate-800 focus-within:shadow-[inset_0_0_0_2px_#f59e0b]">
        <span aria-hidden className="font-bold text-emerald-400 select-none">
          $
        </span>
        <input
          ref={input}
          type="text"
          aria-label={Label.command}
          aria-describedby={menu ? 'console-completions console-keys' : 'console-keys'}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          placeholder="juju status --relations"
          title="Tab completes · ↑↓ history · Esc clears"
          onFocus={() => void loadCompletion().catch(() => undefined)}
          // The whole prompt row shows focus (below); an outline around the bare field would box the text in.
          style={{ outline: 'none' }}
          className="min-w-0 flex-1 bg-transparent text-white caret-amber-300 placeholder:text-slate-500"
          value={line}
          onChange={(e) => {
            setLine(e.target.value);
            setMenu(null);
          }}
          onKeyDown={onKeyDown}
        />
        <span id="console-keys" className="sr-only">
          Enter runs the command. Tab completes, ArrowUp and ArrowDown recall earlier commands, Escape clears.
        </span>
      </div>
    </div>
  );
}
