/**
 * "View as unit" in one line over the bags: what the unit may write, and what it
 * may not even read.
 */
import { accessSummary, type BagRef, type Viewer } from './access.ts';

export function ViewerSummary({ viewer, refs }: { viewer: Viewer; refs: readonly BagRef[] }) {
  const { writable, unreadable } = accessSummary(viewer, refs);
  const own = (name: string) => (name === viewer.unit ? 'its own unit bag' : name === `app ${viewer.app}` ? `its application bag (${name})` : name);
  return (
    <p className="rounded bg-slate-100 px-2 py-1 text-xs text-slate-800">
      <strong>{viewer.unit}</strong> {viewer.leader ? '(leader)' : '(not leader)'} can write{' '}
      <strong>{writable.length === 0 ? 'nothing here' : `${writable.length === 1 ? 'only ' : ''}${writable.map(own).join(' and ')}`}</strong>
      {unreadable.length > 0 ? (
        <>
          , and cannot read <strong>{unreadable.map(own).join(', ')}</strong>.
        </>
      ) : (
        <>, and read every bag.</>
      )}
    </p>
  );
}
