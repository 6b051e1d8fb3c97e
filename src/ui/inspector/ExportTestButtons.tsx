/**
 * The inspected hook as an ops.testing test, downloaded as a pytest file: this hook
 * (`test_<unit>_<seq>.py`), or one test per hook its unit ran (`test_<unit>_story.py`).
 * The generator (src/io/exportTest.ts) is fetched on first use — or when the pointer or
 * the focus comes to a button — not with the page.
 */
import { useState } from 'react';
import type { HookRecord } from '../../engine/trace.ts';
import { downloadText } from '../common/download.ts';
import { Icon } from '../common/Icon.tsx';
import { Label } from '../labels.ts';
import { useRelvizStore } from '../StoreContext.tsx';
import { sectionHeading as heading } from './style.ts';

const loadExport = () => import('../../io/exportTest.ts');
const preload = () => void loadExport().catch(() => undefined);

/** What the module's header says it was made from. */
const SOURCE = { from: 'the relviz app' };

const base =
  'inline-flex items-center gap-1.5 rounded-md border px-2.5 py-1 text-sm leading-tight font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 aria-disabled:cursor-wait aria-disabled:opacity-70';
const primary = `${base} border-sky-800 bg-sky-700 text-white hover:bg-sky-800`;
const secondary = `${base} border-sky-800 bg-white text-sky-950 hover:bg-sky-50`;

export function ExportTestButtons({ record, index }: { record: HookRecord; index: number }) {
  const store = useRelvizStore();
  const [busy, setBusy] = useState(false);
  // Busy buttons stay focusable (aria-disabled, not disabled): a keyboard user keeps their place.
  const save = async (story: boolean) => {
    if (busy) return;
    setBusy(true);
    try {
      const m = await loadExport();
      const { timeline } = store.getState();
      const text = story ? m.unitStoryModule(timeline, record.unit, SOURCE) : m.hookTestModuleAt(timeline, { record, index }, SOURCE);
      downloadText(m.testFileName(record.unit, story ? undefined : record.seq), text, 'text/x-python');
    } catch (e) {
      store.getState().showError(`Could not export the test: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label={Label.exportGroup} aria-busy={busy} className="rounded-md border border-sky-200 bg-sky-50/60 px-2 py-1.5" onPointerEnter={preload} onFocus={preload}>
      <h4 className={heading}>{Label.exportGroup}</h4>
      <p className="mb-1.5 text-slate-800">
        For your charm's unit tests: the state <span className="font-mono">{record.unit}</span> saw just before this hook, the same event, and what the charm did, as a
        pytest file.
      </p>
      <div className="flex flex-wrap gap-1.5">
        <button
          type="button"
          className={primary}
          aria-disabled={busy}
          title="Download this hook as a pytest test for ops.testing"
          onClick={() => void save(false)}
        >
          <Icon name="download" />
          {Label.exportHookTest}
        </button>
        <button type="button" className={secondary} aria-disabled={busy} title={`Download one ops.testing test for every hook ${record.unit} ran`} onClick={() => void save(true)}>
          <Icon name="download" />
          {Label.exportUnitStory}
        </button>
      </div>
    </section>
  );
}
