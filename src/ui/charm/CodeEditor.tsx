/**
 * One file in a code editor (CodeMirror 6): Python or YAML highlighting, line numbers,
 * undo history per file, a marked line (the metadata's error, a traceback's line). Tab
 * is left to move focus, as in every other field of the page (indent with Ctrl+] and
 * Ctrl+[). The editor owns the text while it is shown: `onChange` hears every edit;
 * a new `docKey` (another file, a template) replaces it with `value`.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, defaultHighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorSelection, EditorState, type Extension } from '@codemirror/state';
import { Decoration, EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef } from 'react';

export type CodeLanguage = 'python' | 'yaml' | 'text';

/** The language of a charm file by its path (a hook script without extension is Python if it says so). */
export function languageOf(path: string, text: string): CodeLanguage {
  if (/\.ya?ml$/.test(path)) return 'yaml';
  if (path.endsWith('.py') || /^#!.*python/.test(text)) return 'python';
  return 'text';
}

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '13px', backgroundColor: 'white' },
  '&.cm-focused': { outline: '2px solid #c2410c', outlineOffset: '-2px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: '#f8fafc', color: '#475569', borderRight: '1px solid #e2e8f0' },
  '.cm-activeLine': { backgroundColor: '#f1f5f9' },
  '.cm-line.cm-marked': { backgroundColor: '#fee2e2', boxShadow: 'inset 3px 0 #b91c1c' },
});

function languageExtension(lang: CodeLanguage): Extension {
  return lang === 'python' ? python() : lang === 'yaml' ? yaml() : [];
}

function markLine(state: EditorState, line: number | null): Extension {
  if (line === null || line < 1 || line > state.doc.lines) return [];
  return EditorView.decorations.of(Decoration.set([Decoration.line({ class: 'cm-marked' }).range(state.doc.line(line).from)]));
}

export function CodeEditor({
  docKey,
  value,
  language,
  label,
  onChange,
  markedLine = null,
  goTo = null,
  describedBy,
}: {
  docKey: string;
  value: string;
  language: CodeLanguage;
  /** The editor's accessible name ("metadata.yaml", "src/charm.py"). */
  label: string;
  onChange: (text: string) => void;
  markedLine?: number | null;
  /** A line to put the caret on and scroll to (a new object each time it is asked). */
  goTo?: { readonly line: number } | null;
  describedBy?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  const langSlot = useRef(new Compartment());
  const markSlot = useRef(new Compartment());
  const attrSlot = useRef(new Compartment());

  // (tabindex: an explicit one, so checkers see the scrolling region holds a focusable text — axe's scrollable-region-focusable.)
  const attributes = (): Extension => EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0', ...(describedBy ? { 'aria-describedby': describedBy } : {}) });

  const fresh = (text: string) =>
    EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        indentUnit.of('    '),
        bracketMatching(),
        highlightActiveLine(),
        // Wrapped, not scrolled sideways: comments and docstrings read whole on a narrow column or a projector.
        EditorView.lineWrapping,
        syntaxHighlighting(defaultHighlightStyle),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        theme,
        langSlot.current.of(languageExtension(language)),
        markSlot.current.of([]),
        attrSlot.current.of(attributes()),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) changed.current(u.state.doc.toString());
        }),
      ],
    });

  // One view for the component's life; another document (file, template) gets a fresh state (its own undo history).
  useEffect(() => {
    if (!host.current) return;
    const v = new EditorView({ state: fresh(value), parent: host.current });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- created once; docKey below swaps documents
  }, []);

  const shownKey = useRef(docKey);
  useEffect(() => {
    const v = view.current;
    if (!v || shownKey.current === docKey) return;
    shownKey.current = docKey;
    v.setState(fresh(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new document replaces the text
  }, [docKey]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    v.dispatch({ effects: [langSlot.current.reconfigure(languageExtension(language)), markSlot.current.reconfigure(markLine(v.state, markedLine)), attrSlot.current.reconfigure(attributes())] });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- attributes() reads label and describedBy
  }, [language, markedLine, label, describedBy, docKey]);

  useEffect(() => {
    const v = view.current;
    if (!v || !goTo) return;
    const line = v.state.doc.line(Math.max(1, Math.min(goTo.line, v.state.doc.lines)));
    v.dispatch({ selection: EditorSelection.cursor(line.from), effects: EditorView.scrollIntoView(line.from, { y: 'center' }) });
    v.focus();
  }, [goTo, docKey]);

  return <div ref={host} className="h-full min-h-0 overflow-hidden" data-testid={`code-editor-${label}`} />;
}
