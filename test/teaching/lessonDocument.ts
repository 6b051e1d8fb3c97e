/**
 * A small tutorial document, shared by the unit and e2e tests of opening documents:
 * two steps, a highlight, a selection, two stops (lines: `juju deploy worker` 18,
 * `juju relate` 26, the stops' headings 29 and 35).
 */
export const LESSON = `---
relviz-tutorial: 1
id: lesson-one
title: Lesson one
summary: A master, a worker, and what relating them runs.
seed: 1
juju: 3.6
---

## Deploy two charms

highlight: app master, app worker

Two applications, **not related yet**.

\`\`\`juju
juju deploy master
juju deploy worker
\`\`\`

## Relate them

select: relation master worker

\`\`\`juju
juju relate master worker
\`\`\`

### after: worker/0 master-relation-joined

highlight: unit worker/0

worker/0 has joined master/0.

### after: master/0 master-application-relation-changed

master/0 hears worker/0's settings.
`;
