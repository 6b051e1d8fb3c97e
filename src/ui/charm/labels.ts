/** The charm editor's names and texts, shared by its components and their e2e tests. */
import { Label } from '../labels.ts';

export const CharmLabel = {
  /** Where the deploy dialog and the Bundle menu open it. */
  open: Label.writeCharm,
  dialogNew: 'Write a charm in Python',
  dialogEdit: (app: string) => `Edit the code of ${app}`,
  template: 'Template',
  templatePick: 'Start from a template…',
  files: 'Files',
  deploy: 'Deploy',
  close: 'Close',
  rerunHere: 'Re-run from here',
  rerunStart: 'Re-run from the start',
  revert: 'Back to the running code',
  restorePrevious: 'Bring back the previous draft',
  rerunHelp:
    'relviz only: from the re-run’s tick on, the application’s hooks run the new code (relviz set-code). Real Juju has no such command: `juju refresh --path` would upgrade the charm and run upgrade-charm on every unit first.',
  /** The inspector's button for an application deployed from code. */
  editCode: 'Edit code',
} as const;

/** The re-run's diff panel. */
export const RerunLabel = {
  region: 'What changed in the re-run',
  title: (app: string, where: string) => `Re-run with ${app}’s code edited, ${where}`,
  dismiss: 'Dismiss',
  hooks: 'Hooks added / removed',
  bags: 'Databags at the end',
  statuses: 'Statuses',
  failures: 'Failures',
} as const;
