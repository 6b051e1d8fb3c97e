/**
 * The header's Bundle menu (Open…, Export bundle) and the page-wide drop target for
 * files. The Open dialog (OpenDialog.tsx: the bundle and status readers' previews) is a
 * chunk of its own, fetched when the menu is pointed at or focused.
 */
import { useEffect, useRef, useState } from 'react';
import { readers } from '../../engine/readers.ts';
import { loadReaders, withReaders } from '../../store/loadReaders.ts';
import { toAnnotations } from '../../store/annotations.ts';
import { downloadText } from '../common/download.ts';
import { lazyPart } from '../common/lazyPart.tsx';
import { useDialogOpener } from '../common/useDialogOpener.ts';
import { buttonClass } from '../controls/style.ts';
import { autoLayout } from '../graph/layout.ts';
import { useRelvizStore } from '../StoreContext.tsx';
import type { ImportedHistory } from '../imported/viewerStore.ts';
import { TraceLabel } from '../trace/labels.ts';
import { requestTutorial } from '../teaching/tutorialRequest.ts';
import { OpenLabel } from './openLabels.ts';
import { Label } from '../labels.ts';
import { openCharmEditor } from '../charm/charmEditing.ts';
import { LazyCharmEditor } from '../charm/LazyCharmEditor.ts';
import { carriesFiles, readDrop, type Picked } from './readFiles.ts';

// The dialog reads bundles and status files: it comes with the engine's readers.
// Checking a real history (src/io/trace/) is a chunk of its own too.
const LazyCheckTraceDialog = lazyPart('the history check', () => import('../trace/CheckTraceDialog.tsx').then((m) => m.CheckTraceDialog));
// The history viewer (src/ui/imported/) comes when a checked history is shown.
const LazyImportedViewer = lazyPart('the history viewer', () => import('../imported/ImportedViewer.tsx').then((m) => m.ImportedViewer));
const LazyOpenDialog = lazyPart('the Open dialog', () => Promise.all([import('./OpenDialog.tsx'), loadReaders()]).then(([m]) => m.OpenDialog));

/** Files that are logs, not models: what the history check reads. */
const LOG_FILE = /\.(log|txt|jsonl|out)$/i;
/** A file that may be a tutorial document (its text says), far from too big to read. */
const TEXT_FILE = /\.(md|markdown|txt)$/i;
const TUTORIAL_BYTES = 2 * 1024 * 1024;

/** The Open button, the page-wide drop target, and the dialog they open. */
export function OpenButton() {
  const [picked, setPicked] = useState<Picked | null>(null);
  const [open, setOpen, button] = useDialogOpener();
  const [checking, setChecking] = useDialogOpener(button);
  const [droppedLogs, setDroppedLogs] = useState<File[]>([]);
  const [viewing, setViewing] = useDialogOpener(button);
  const [imported, setImported] = useState<ImportedHistory | null>(null);
  const [dragging, setDragging] = useState(false);
  // Files dropped anywhere on the page open here (a text drag is the page's own business).
  useEffect(() => {
    let depth = 0;
    const over = (e: globalThis.DragEvent) => {
      if (!carriesFiles(e.dataTransfer)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const enter = (e: globalThis.DragEvent) => {
      if (!carriesFiles(e.dataTransfer)) return;
      depth += 1;
      setDragging(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: globalThis.DragEvent) => {
      depth = 0;
      setDragging(false);
      if (!carriesFiles(e.dataTransfer) || !e.dataTransfer) return;
      e.preventDefault();
      // A tutorial document goes to "Open a tutorial"; logs (a debug-log, show-status-log outputs) to the history check; the rest opens as a model.
      const files = [...e.dataTransfer.files];
      const [one] = files;
      if (files.length === 1 && one && TEXT_FILE.test(one.name) && one.size <= TUTORIAL_BYTES) {
        // (A drop's items can be read only now, not once its text has come.)
        const asModel = LOG_FILE.test(one.name) ? null : readDrop(e.dataTransfer);
        void one.text().then((text) => {
          // The dialog reads it as any document: here, only whether it starts as one (---, relviz-tutorial: in its front matter).
          if (/^\uFEFF?---/.test(text) && text.slice(0, 3000).includes('relviz-tutorial:')) requestTutorial({ text, file: one.name });
          else if (!asModel) {
            setDroppedLogs(files);
            setChecking(true);
          } else
            void asModel.then((p) => {
              setPicked(p);
              setOpen(true);
            });
        });
        return;
      }
      if (files.length > 0 && files.every((f) => LOG_FILE.test(f.name))) {
        setDroppedLogs(files);
        setChecking(true);
        return;
      }
      void readDrop(e.dataTransfer).then((p) => {
        setPicked(p);
        setOpen(true);
      });
    };
    addEventListener('dragover', over);
    addEventListener('dragenter', enter);
    addEventListener('dragleave', leave);
    addEventListener('drop', drop);
    return () => {
      removeEventListener('dragover', over);
      removeEventListener('dragenter', enter);
      removeEventListener('dragleave', leave);
      removeEventListener('drop', drop);
    };
  }, [setOpen, setChecking]);
  return (
    <>
      <BundleMenu
        opener={button}
        onOpen={() => {
          setPicked(null);
          setOpen(true);
        }}
        onCheck={() => {
          setDroppedLogs([]);
          setChecking(true);
        }}
      />
      {dragging && !open && (
        <div aria-hidden className="pointer-events-none fixed inset-2 z-50 flex items-center justify-center rounded-xl border-4 border-dashed border-orange-500 bg-orange-50/70 text-2xl font-bold text-orange-800">
          {OpenLabel.dropHere}: a bundle, its overlays and charms, a juju status, a tutorial — or logs to check
        </div>
      )}
      {open && <LazyOpenDialog initial={picked} onClose={() => setOpen(false)} />}
      {checking && (
        <LazyCheckTraceDialog
          initial={droppedLogs}
          onClose={() => {
            setChecking(false);
            setDroppedLogs([]);
          }}
          onShow={(history) => {
            setChecking(false);
            setDroppedLogs([]);
            setImported(history);
            setViewing(true);
          }}
        />
      )}
      {viewing && imported && (
        <LazyImportedViewer
          history={imported}
          onClose={() => {
            setViewing(false);
            setImported(null);
          }}
        />
      )}
    </>
  );
}

/**
 * One header button for files (the header must fit 1280 px): it discloses Open…,
 * Export bundle and Check a real history…. Escape or a click elsewhere closes it; focus returns to it.
 */
function BundleMenu({ opener, onOpen, onCheck }: { opener: React.RefObject<HTMLButtonElement | null>; onOpen: () => void; onCheck: () => void }) {
  const store = useRelvizStore();
  const [shown, setShown] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!shown) return;
    first.current?.focus();
    const away = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node)) setShown(false);
    };
    addEventListener('mousedown', away);
    return () => removeEventListener('mousedown', away);
  }, [shown]);
  const close = () => {
    setShown(false);
    opener.current?.focus();
  };
  const exportNow = () =>
    withReaders(
      () => {
        const s = store.getState();
        downloadText('bundle.yaml', readers().exportBundle(s.timeline.state, toAnnotations(autoLayout(s.view, s.positions))), 'application/yaml');
        close();
      },
      (message) => {
        store.getState().showError(message);
        close();
      },
    );
  const item = 'block w-full rounded px-3 py-1.5 text-left text-sm hover:bg-slate-100 focus:bg-slate-100';
  return (
    <div
      ref={box}
      className="relative"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && shown) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={opener}
        type="button"
        aria-expanded={shown}
        aria-controls="bundle-menu"
        className={buttonClass}
        onPointerEnter={LazyOpenDialog.preload}
        onFocus={LazyOpenDialog.preload}
        title="Open a bundle or a running model’s juju status (or drop the files anywhere); export the model as a bundle"
        onClick={() => setShown((v) => !v)}
      >
        {OpenLabel.menu}
        <span aria-hidden className="text-xs">
          ▾
        </span>
      </button>
      {shown && (
        <div id="bundle-menu" className="absolute top-full left-0 z-40 mt-1 w-72 rounded-md border border-slate-300 bg-white p-1 shadow-lg">
          <button
            ref={first}
            type="button"
            aria-haspopup="dialog"
            aria-label={OpenLabel.open}
            aria-describedby="bundle-menu-open"
            className={item}
            onClick={() => {
              setShown(false);
              onOpen();
            }}
          >
            {OpenLabel.open}
            <span id="bundle-menu-open" className="block text-xs text-slate-500">
              a bundle with overlays, or juju status — or drop files on the page
            </span>
          </button>
          <button type="button" aria-label={OpenLabel.exportBundle} aria-describedby="bundle-menu-export" className={item} onClick={exportNow}>
            {OpenLabel.exportBundle}
            <span id="bundle-menu-export" className="block text-xs text-slate-500">
              download bundle.yaml (juju export-bundle), with the graph’s positions
            </span>
          </button>
          <button
            type="button"
            aria-haspopup="dialog"
            aria-describedby="bundle-menu-charm"
            className={item}
            onPointerEnter={LazyCharmEditor.preload}
            onFocus={LazyCharmEditor.preload}
            onClick={() => {
              close();
              openCharmEditor({ kind: 'new' });
            }}
          >
            {Label.writeCharm}
            <span id="bundle-menu-charm" className="block text-xs text-slate-500">
              from a template: deploy it, watch it run
            </span>
          </button>
          <button
            type="button"
            aria-haspopup="dialog"
            aria-label={TraceLabel.menuItem}
            aria-describedby="bundle-menu-check"
            className={item}
            onPointerEnter={LazyCheckTraceDialog.preload}
            onFocus={LazyCheckTraceDialog.preload}
            onClick={() => {
              setShown(false);
              onCheck();
            }}
          >
            {TraceLabel.menuItem}
            <span id="bundle-menu-check" className="block text-xs text-slate-500">
              {TraceLabel.menuHint}
            </span>
          </button>
        </div>
      )}
    </div>
  );
}

