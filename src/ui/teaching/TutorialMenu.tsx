/**
 * The header's Tutorials menu: opens a guided tutorial at its first step (its steps
 * load on demand: registry.ts); and the authoring tools, to record a tutorial or edit
 * one as text (authoring.ts).
 */
import { TUTORIAL_LIST } from '../../teaching/tutorials/list.ts';
import { loadTutorials } from '../../teaching/tutorials/registry.ts';
import { Label } from '../labels.ts';
import { setAuthoring } from './authoring.ts';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';

const RECORD = ' record';
const EDIT = ' edit';

export function TutorialMenu() {
  const store = useRelvizStore();
  const current = useRelviz((s) => s.tutorial?.id ?? '');
  return (
    <select
      aria-label={Label.tutorials}
      className="h-9 max-w-40 rounded-md border border-slate-300 bg-white px-2 text-sm"
      value={current}
      // The tutorials' steps are a chunk of their own: fetched as the menu is approached.
      onPointerEnter={() => void loadTutorials().catch(() => undefined)}
      onFocus={() => void loadTutorials().catch(() => undefined)}
      onChange={(e) => {
        const v = e.target.value;
        if (v === RECORD) setAuthoring({ kind: 'record' });
        else if (v === EDIT) setAuthoring({ kind: 'edit', id: current || null });
        else if (v) store.getState().openTutorial(v, 0);
      }}
    >
      <option value="">Tutorials…</option>
      {TUTORIAL_LIST.map((t) => (
        <option key={t.id} value={t.id} title={t.summary}>
          {t.title}
        </option>
      ))}
      <optgroup label="Write your own">
        <option value={RECORD}>{Label.recordTutorial}</option>
        <option value={EDIT}>{Label.editTutorial}</option>
      </optgroup>
    </select>
  );
}
