/** Names in the hook log, shared by the component and the e2e tests. */
export const LogLabel = {
  filterUnit: 'Filter by unit',
  filterRelation: 'Filter by relation',
  filterKind: 'Filter by hook kind',
  clearFilters: 'Clear filters',
  latest: 'Jump to the latest hook',
  empty: 'No hooks yet: press Play or step forward.',
  emptyFiltered: 'No hook up to the cursor matches these filters.',
} as const;

/** The accessible name of a row's button (tests find rows by it). */
export function rowName(seq: number, unit: string, hook: string): string {
  return `Go to hook ${seq}: ${unit} ${hook}`;
}
