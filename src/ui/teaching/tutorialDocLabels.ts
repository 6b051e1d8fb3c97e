/** The words of opening and sharing tutorial documents, shared with the e2e tests. */
export const TutorialDocLabel = {
  title: 'Open a tutorial',
  chooseFile: 'Choose a file…',
  paste: 'Or paste its text',
  url: 'Or its URL',
  fetch: 'Fetch',
  play: 'Play',
  close: 'Close',
  problems: 'Problems in the document',
  fetching: 'Fetching',
  checking: 'Checking the tutorial…',
  copyLink: 'Copy a link to this tutorial',
  copyUrlHint: 'Copy a link to this tutorial: it points to the URL the tutorial came from',
  copyTextHint: 'Copy a link to this tutorial: the whole tutorial travels inside the link',
  copied: 'Link copied',
  copyByHand: 'Copy the link below (Ctrl+C)',
  link: 'Tutorial link',
} as const;
