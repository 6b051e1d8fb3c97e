/** The header's Tutorials menu: opens a guided tutorial at its first step. */
import { TUTORIALS } from '../../teaching/tutorials/index.ts';
import { Label } from '../labels.ts';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';

export function TutorialMenu() {
  const store = useRelvizStore();
  const current = useRelviz((s) => s.tutorial?.id ?? '');
  return (
    <select
      aria-label={Label.tutorials}
      className="h-9 max-w-40 rounded-md border border-slate-300 bg-white px-2 text-sm"
      value={current}
      onChange={(e) => {
        if (e.target.value) store.getState().openTutorial(e.target.value, 0);
      }}
    >
      <option value="">Tutorials…</option>
      {TUTORIALS.map((t) => (
        <option key={t.id} value={t.id} title={t.summary}>
          {t.title}
        </option>
      ))}
    </select>
  );
}
