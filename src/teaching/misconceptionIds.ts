/** The misconceptions' and what-ifs' ids (misconceptions.ts), apart from their scripts: a link names one before those load. */
export const MisconceptionIds = [
  'stop-before-broken',
  'leader-own-peer-write',
  'joined-after-start',
  'departing-unit-departed',
  'broken-after-last-worker',
  'changed-before-joined',
  'leader-takes-over-at-once',
] as const;
/** "What happens if…" scenarios on real models: not the docs' mistakes, but what people expect and Juju does not do. */
export const WhatIfIds = ['cos-lite-remove-unit'] as const;
export type MisconceptionId = (typeof MisconceptionIds)[number] | (typeof WhatIfIds)[number];
