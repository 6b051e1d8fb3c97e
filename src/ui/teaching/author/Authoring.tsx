/** The authoring tools, one chunk loaded on demand: the recorder's bar or the text editor (authoring.ts says which). */
import type { Authoring as Open } from '../authoring.ts';
import { RecorderBar } from './RecorderBar.tsx';
import { TutorialEditor } from './TutorialEditor.tsx';

export function Authoring({ open }: { open: NonNullable<Open> }) {
  return open.kind === 'record' ? <RecorderBar /> : <TutorialEditor id={open.id} />;
}
