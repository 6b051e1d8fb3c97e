/**
 * Accessible names and visible strings shared by components and e2e tests (as
 * juju-dashboard's Label constants): a test finds a control by the same constant
 * the component renders.
 */
export const Label = {
  play: 'Play',
  pause: 'Pause',
  stepForward: 'Step forward',
  stepBack: 'Step back',
  speed: 'Speed',
  timeline: 'Timeline',
  command: 'Juju command',
  seed: 'Seed',
  manual: 'Manual mode',
  jujuVersion: 'Juju version',
  /** The header switch for the model's automatically-retry-hooks (a command at the cursor). */
  autoRetry: 'Auto-retry failed hooks',
  newSession: 'New',
  examples: 'Examples',
  deploy: 'Deploy',
  /** Opens the charm editor (the deploy dialog and the Bundle menu). */
  writeCharm: 'Write a charm in Python…',
  regionGraph: 'Graph',
  regionDatabags: 'Databags',
  regionHookLog: 'Hook log',
  regionSwimlanes: 'Swimlanes',
  regionInspector: 'Hook inspector',
  /** The Hook inspector's downloads of the inspected hook as a pytest file for ops.testing (src/io/exportTest.ts). */
  exportHookTest: 'Export as ops.testing test',
  exportUnitStory: "Export this unit's story",
  exportGroup: 'Test it with ops.testing',
  regionConsole: 'Console',
  viewAsUnit: 'View as unit',
  dismissError: 'Dismiss error',
  misconceptions: 'Misconceptions',
  misconceptionsTitle: 'Where the docs mislead',
  closeMisconceptions: 'Close',
  showMe: 'Show me',
  misconceptionShown: 'Misconception shown',
  replayMisconception: 'Replay',
  whatToWatch: 'What to watch',
  dismissMisconception: 'Dismiss misconception',
  tutorials: 'Tutorials',
  openTutorial: 'Open a tutorial…',
  recordTutorial: 'Record a tutorial…',
  editTutorial: 'Edit as text…',
  tutorial: 'Tutorial',
  tutorialBack: 'Back',
  tutorialNext: 'Next',
  tutorialExit: 'Exit tutorial',
  /** The header toggle: its accessible name (its visible text is `presentShort`). */
  presentation: 'Presentation mode',
  presentShort: 'Present',
  undo: 'Undo',
  redo: 'Redo',
  dismissNotice: 'Dismiss notice',
  downloadSession: 'Download it',
  dismissSaving: 'Dismiss',
  /** For a saved session that could not be set aside: saving resumes, over it. */
  saveOverIt: 'Save over it',
  /** The badge on a real charm (catalog/real/): its endpoints are real, its logic is not simulated. */
  noBehaviour: 'no behaviour',
  noBehaviourHelp: "A real charm's endpoints, read from its metadata. Its logic is not simulated: its hooks run and do nothing.",
  /** The badge on an application whose charm was not found: its endpoints come from the bundle's (or status's) relations. */
  inferred: 'inferred',
  inferredStrip: "endpoints inferred from the bundle's relations · no behaviour",
  inferredHelp: "This charm was not found: relviz made up its endpoints from the relations the bundle (or status) names. It has no behaviour either: its hooks run and do nothing.",
  crossModelHelp: 'Cross-model relations (offers, and applications of another model related through a saas) are read from the bundle or status and shown; relviz runs one model, so it does not simulate them.',
  /** On a big charm's card with folded endpoints, expanded: folds them again. */
  fewerEndpoints: 'Show fewer endpoints',
  teaching: 'teaching charm · simulated',
  teachingHelp: "One of relviz's teaching charms: its hooks read and write databags as the course describes.",
} as const;

/** The line a big charm's card folds its unrelated endpoints into (a button that shows them). */
export const moreEndpoints = (n: number): string => `+${n} more endpoint${n === 1 ? '' : 's'}`;

/** The accessible name of a misconception's "Show me" button (its visible text, then which one). */
export const showMeLabel = (title: string): string => `${Label.showMe}: ${title}`;
