/** The "Check a real history" dialog's words, shared with the e2e tests. */
export const TraceLabel = {
  menuItem: 'Check a real history…',
  menuHint: 'is this Juju hook history possible? debug-log, show-status-log, jhack tail…',
  title: 'Check a real history against Juju’s rules',
  chooseFiles: 'Choose log files…',
  paste: 'Or paste a log',
  unit: 'Unit (for show-status-log or a unit’s own log)',
  format: 'Format',
  auto: 'found from the lines',
  check: 'Check',
  close: 'Close',
  result: 'Check result',
  checking: 'Checking…',
  showInApp: 'Show in the app',
} as const;
