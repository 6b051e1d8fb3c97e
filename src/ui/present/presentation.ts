/** Presentation mode in the URL (`?present=1`), so a reload or a bookmark on the lectern comes back to it. */

export const PRESENT_PARAM = 'present';

export function presentFromSearch(search: string): boolean {
  return new URLSearchParams(search).get(PRESENT_PARAM) === '1';
}

/** `search` with presentation mode on or off (other parameters kept). */
export function searchWithPresent(search: string, on: boolean): string {
  const p = new URLSearchParams(search);
  if (on) p.set(PRESENT_PARAM, '1');
  else p.delete(PRESENT_PARAM);
  const s = p.toString();
  return s ? `?${s}` : '';
}
