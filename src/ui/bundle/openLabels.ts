/** The Open dialog's and the Bundle menu's words, shared with the e2e tests. */
export const OpenLabel = {
  menu: 'Bundle',
  open: 'Open…',
  title: 'Open a bundle or a model’s status',
  chooseFiles: 'Choose files…',
  chooseFolder: 'Choose a folder…',
  paste: 'Or paste a bundle, or juju status output',
  replace: 'Open as a new model',
  add: 'Add to this model',
  cancel: 'Cancel',
  exportBundle: 'Export bundle',
  dropHere: 'Drop to open',
} as const;
