/**
 * Names and classes shared by the model controls (deploy dialog, selection toolbar)
 * and their e2e tests: a test finds a control by the same constant the component
 * renders, as with src/ui/labels.ts.
 */
export const ControlLabel = {
  fromCatalog: 'From the catalog',
  fromMetadata: 'From metadata',
  charm: 'Charm',
  searchCharms: 'Search charms',
  metadataFile: 'File',
  insertExample: 'Insert example',
  applicationName: 'Application name',
  units: 'Units',
  cancel: 'Cancel',
  selection: 'Selection',
  removeUnit: 'Remove unit',
  resolve: 'Resolve',
  resolveNoRetry: 'Resolve (no retry)',
  failNextHook: 'Fail next hook…',
  failHookForm: 'Fail next hook',
  hook: 'Hook',
  failRuns: 'Runs that fail',
  failOnce: 'Once',
  failTimes: 'N times',
  failCount: 'Number of runs that fail',
  failAlways: 'Always',
  fail: 'Fail',
  runAction: 'Run action…',
  runActionForm: 'Run action',
  action: 'Action',
  run: 'Run',
  addUnit: 'Add unit',
  unitsToAdd: 'Units to add',
  removeApplication: 'Remove application',
  removeRelation: 'Remove relation',
  integrate: 'Integrate…',
  integrateEndpoints: 'Endpoints',
  deployMenu: 'Deploy…',
} as const;

export const buttonClass =
  'inline-flex h-8 shrink-0 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40';

export const primaryClass =
  'inline-flex h-8 shrink-0 items-center gap-1.5 rounded-md border border-orange-800 bg-orange-700 px-3 text-sm font-semibold text-white hover:bg-orange-800 disabled:cursor-not-allowed disabled:opacity-40';

export const dangerClass =
  'inline-flex h-8 shrink-0 items-center gap-1.5 rounded-md border border-red-300 bg-white px-2.5 text-sm font-medium text-red-800 hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-40';

export const fieldClass = 'h-9 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 disabled:bg-slate-100 disabled:text-slate-500';

/** The selection toolbar sits in a panel header: its controls are a size smaller, so the header keeps its height. */
export const compact = (cls: string) => cls.replace(/\bh-[89]\b/, 'h-7').replace('px-2.5', 'px-2');
