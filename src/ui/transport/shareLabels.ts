/**
 * Names and visible strings of the Share popover, shared with its e2e test (as
 * src/ui/labels.ts): a test finds a control by the same constant the component renders.
 */
export const ShareLabel = {
  share: 'Share',
  dialog: 'Share this session',
  link: 'Share link',
  copy: 'Copy',
  copied: 'Copied',
  close: 'Close',
} as const;

/** Links longer than this may be cut by chat and mail apps (the budget for a 200-command session). */
export const SHARE_LINK_BUDGET = 8 * 1024;
