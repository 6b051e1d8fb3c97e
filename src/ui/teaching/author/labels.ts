/** The authoring tools' names, shared by the components and their e2e tests. */
export const RecorderLabel = {
  region: 'Tutorial recorder',
  title: 'Tutorial title',
  summary: 'Summary',
  stepTitle: 'Step title',
  stepSay: 'What the step says',
  stopSay: 'What to say at this stop',
  newStep: 'New step',
  preview: 'Preview',
  back: 'Back to recording',
  export: 'Export',
  copyLink: 'Copy link',
  stop: 'Stop recording',
  discard: 'Discard the recording',
  keep: 'Keep recording',
  stopHere: 'Stop after this hook',
  highlightSelection: 'Highlight the selection',
  items: 'Recorded in this step',
} as const;

export const EditorLabel = {
  dialog: 'Edit a tutorial as text',
  which: 'Tutorial to edit',
  text: 'Tutorial document',
  problems: 'Problems',
  outline: 'Steps',
  play: 'Play this version',
  export: 'Export',
  close: 'Close',
} as const;
