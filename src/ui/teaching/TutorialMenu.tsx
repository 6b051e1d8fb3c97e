/**
 * The header's Tutorials menu: opens a guided tutorial at its first step (its steps
 * load on demand: registry.ts), or "Open a tutorial…" — a document from a file, pasted
 * text or a URL (OpenTutorialDialog.tsx, a chunk of its own); and the authoring tools,
 * to record a tutorial or edit one as text (authoring.ts).
 */
import { useRef } from 'react';
import { TUTORIAL_LIST } from '../../teaching/tutorials/list.ts';
import { loadTutorials } from '../../teaching/tutorials/registry.ts';
import { lazyPart } from '../common/lazyPart.tsx';
import { Label } from '../labels.ts';
import { setAuthoring } from './authoring.ts';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';
import { requestTutorial, useTutorialRequest } from './tutorialRequest.ts';

const LazyOpenTutorialDialog = lazyPart('the tutorial opener', () => Promise.all([import('./OpenTutorialDialog.tsx'), loadTutorials()]).then(([m]) => m.OpenTutorialDialog));
const OPEN = ':open';
const RECORD = ':record';
const EDIT = ':edit';

export function TutorialMenu() {
  const store = useRelvizStore();
  const current = useRelviz((s) => s.tutorial?.id ?? '');
  const request = useTutorialRequest();
  const menu = useRef<HTMLSelectElement>(null);
  const approach = () => {
    // The tutorials' steps are a chunk of their own: fetched as the menu is approached.
    void loadTutorials().catch(() => undefined);
    LazyOpenTutorialDialog.preload();
  };
  return (
    <>
      <select
        ref={menu}
        aria-label={Label.tutorials}
        className="h-9 max-w-40 rounded-md border border-slate-300 bg-white px-2 text-sm"
        value={current}
        onPointerEnter={approach}
        onFocus={approach}
        onChange={(e) => {
          const v = e.target.value;
          if (v === OPEN) requestTutorial({});
          else if (v === RECORD) setAuthoring({ kind: 'record' });
          else if (v === EDIT) setAuthoring({ kind: 'edit', id: current || null });
          else if (v && v !== current) store.getState().openTutorial(v, 0);
        }}
      >
        <option value="">Tutorials…</option>
        {TUTORIAL_LIST.map((t) => (
          <option key={t.id} value={t.id} title={t.summary}>
            {t.title}
          </option>
        ))}
        <option value={OPEN}>{Label.openTutorial}</option>
        <optgroup label="Write your own">
          <option value={RECORD}>{Label.recordTutorial}</option>
          <option value={EDIT}>{Label.editTutorial}</option>
        </optgroup>
      </select>
      {request && (
        <LazyOpenTutorialDialog
          initial={request}
          onClose={() => {
            requestTutorial(null);
            menu.current?.focus();
          }}
        />
      )}
    </>
  );
}
