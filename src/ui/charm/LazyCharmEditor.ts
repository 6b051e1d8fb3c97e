import { loadReaders } from '../../store/loadReaders.ts';
import { lazyPart } from '../common/lazyPart.tsx';

/** The charm editor (CodeMirror and the metadata parser), loaded when it is first opened; deploying needs the engine's readers. */
export const LazyCharmEditor = lazyPart('the charm editor', () => Promise.all([import('./CharmEditor.tsx'), loadReaders()]).then(([m]) => m.CharmEditor));
