/** What an embed starts with: built from its URL, never from the saved session. */
import { describe, expect, it } from 'vitest';
import { createEmbedStore, openTutorialUrl } from '../../src/embed/embedStore.ts';
import { TUTORIAL_DOCUMENTS } from '../../src/teaching/tutorials/index.ts';
import { misconception, playbackPlan } from '../../src/teaching/misconceptions.ts';

const fallback = 'juju deploy ubuntu\n';

describe('createEmbedStore', () => {
  it('opens a tutorial at the step the URL names (counted from 1)', () => {
    const s = createEmbedStore({ kind: 'tutorial', id: 'masterworker', step: 3 }, fallback).getState();
    expect(s.tutorial).toEqual({ id: 'masterworker', step: 2 });
  });

  it('keeps what was wrong with the URL on screen after opening the tutorial', () => {
    const s = createEmbedStore({ kind: 'tutorial', id: 'masterworker', step: 1 }, fallback, { error: 'ERROR step=99: "masterworker" has steps 1 to 10' }).getState();
    expect(s.error).toBe('ERROR step=99: "masterworker" has steps 1 to 10');
  });

  it('shows a scenario from the start of its revealing hooks, with what it is about selected', () => {
    const m = misconception('stop-before-broken');
    const s = createEmbedStore({ kind: 'scenario', id: m.id }, fallback).getState();
    const t = s.timeline;
    const reveal = m.focus(t.fullTrace);
    const plan = reveal && playbackPlan(reveal, t.fullTrace, (i) => t.tickOfRecord(i));
    expect(plan).not.toBeNull();
    expect(s.cursor).toBe(plan?.start);
    expect(s.selection).toEqual(m.select);
    expect(s.speed).toBe(2);
  });

  it('loads a script, or the fallback, at its start', () => {
    const s = createEmbedStore({ kind: 'script', text: 'juju deploy master\njuju deploy worker\n' }, fallback).getState();
    expect(s.inputs.map((i) => i.text)).toEqual(['juju deploy master', 'juju deploy worker']);
    expect(s.cursor).toBe(0);
    expect(createEmbedStore({ kind: 'default' }, fallback).getState().inputs.map((i) => i.text)).toEqual(['juju deploy ubuntu']);
  });

  it('opens a tutorial fetched by URL once it has come, the example meanwhile; says why when it cannot', async () => {
    const doc = TUTORIAL_DOCUMENTS.get('subordinates') as string;
    const store = createEmbedStore({ kind: 'default' }, fallback);
    await openTutorialUrl(store, 'https://a.example/sub.md', 1, () => Promise.resolve(new Response(doc)));
    expect(store.getState().tutorial).toEqual({ id: 'doc:subordinates', step: 1, document: { text: doc, url: 'https://a.example/sub.md' } });
    const other = createEmbedStore({ kind: 'default' }, fallback);
    await openTutorialUrl(other, 'https://a.example/sub.md', 0, () => Promise.reject(new TypeError('Failed to fetch')));
    expect(other.getState().tutorial).toBeNull();
    expect(other.getState().inputs.map((i) => i.text)).toEqual(['juju deploy ubuntu']);
    expect(other.getState().error).toMatch(/^ERROR tutorial-url: relviz could not read https:\/\/a\.example\/sub\.md: .*Access-Control-Allow-Origin/);
    await openTutorialUrl(other, 'https://a.example/sub.md', 0, () => Promise.resolve(new Response(doc.replace('juju deploy telegraf', 'juju deploy telegraf -n zero'))));
    expect(other.getState().error).toMatch(/^ERROR tutorial-url: the tutorial cannot be played: line 26: "juju deploy telegraf -n zero"/);
  });
});
