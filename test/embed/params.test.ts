/** An embed's URL: what it loads, and whom it listens to. */
import { describe, expect, it } from 'vitest';
import { isEmbed, readEmbedParams } from '../../src/embed/params.ts';

describe('embed parameters', () => {
  it('embeds only with embed=1', () => {
    expect(isEmbed('?embed=1&tutorial=masterworker')).toBe(true);
    expect(isEmbed('?embed=0')).toBe(false);
    expect(isEmbed('')).toBe(false);
  });

  it('loads the masterworker example and listens to anyone by default', () => {
    expect(readEmbedParams('?embed=1')).toEqual({ source: { kind: 'default' }, origin: '*', errors: [] });
  });

  it('opens a tutorial at a step counted from 1', () => {
    expect(readEmbedParams('?embed=1&tutorial=masterworker').source).toEqual({ kind: 'tutorial', id: 'masterworker', step: 1 });
    expect(readEmbedParams('?embed=1&tutorial=masterworker&step=4').source).toEqual({ kind: 'tutorial', id: 'masterworker', step: 4 });
  });

  it('opens the first step, and says so, when the step is not one of the tutorial’s', () => {
    for (const step of ['0', '99', 'two', '-1', '1e3']) {
      const p = readEmbedParams(`?embed=1&tutorial=masterworker&step=${step}`);
      expect(p.source).toEqual({ kind: 'tutorial', id: 'masterworker', step: 1 });
      expect(p.errors).toEqual([expect.stringMatching(/^ERROR step=.*: "masterworker" has steps 1 to \d+$/)]);
    }
  });

  it('shows a misconception scenario', () => {
    expect(readEmbedParams('?embed=1&scenario=stop-before-broken').source).toEqual({ kind: 'scenario', id: 'stop-before-broken' });
  });

  it('loads a url-encoded script', () => {
    const text = 'juju deploy ubuntu\njuju deploy telegraf\njuju integrate telegraf ubuntu\n';
    expect(readEmbedParams(`?embed=1&script=${encodeURIComponent(text)}`).source).toEqual({ kind: 'script', text });
  });

  it('loads nothing of what it cannot read, and says why', () => {
    expect(readEmbedParams('?embed=1&tutorial=nope')).toEqual({ source: { kind: 'default' }, origin: '*', errors: ['ERROR no tutorial called "nope"'] });
    expect(readEmbedParams('?embed=1&scenario=nope').errors).toEqual([expect.stringMatching(/^ERROR no scenario "nope" \(one of stop-before-broken, /)]);
    const bad = readEmbedParams(`?embed=1&script=${encodeURIComponent('juju deploy master\njuju dance\n')}`);
    expect(bad.source).toEqual({ kind: 'default' });
    expect(bad.errors).toEqual([expect.stringMatching(/^ERROR script= line 2: /)]);
  });

  it('prefers a script to a scenario to a tutorial when given several', () => {
    expect(readEmbedParams('?embed=1&tutorial=masterworker&scenario=stop-before-broken&script=juju%20deploy%20ubuntu').source.kind).toBe('script');
    expect(readEmbedParams('?embed=1&tutorial=masterworker&scenario=stop-before-broken').source.kind).toBe('scenario');
  });

  it('listens to one origin when given one, and to no one when the origin is malformed', () => {
    expect(readEmbedParams('?embed=1&origin=https://docs.example.org').origin).toBe('https://docs.example.org');
    expect(readEmbedParams('?embed=1&origin=http://localhost:8000').origin).toBe('http://localhost:8000');
    for (const bad of ['https://docs.example.org/lesson', 'docs.example.org', 'javascript:alert(1)', 'null']) {
      const p = readEmbedParams(`?embed=1&origin=${encodeURIComponent(bad)}`);
      expect(p.origin).toBeNull();
      expect(p.errors).toEqual([expect.stringMatching(/is not an origin such as https:\/\/example.org: this embed accepts no messages$/)]);
    }
  });

  it('fetches a tutorial document named by tutorial-url, at a step counted from 1', () => {
    expect(readEmbedParams('?embed=1&tutorial-url=https%3A%2F%2Fa.b%2Ft.md&step=3').source).toEqual({ kind: 'tutorial-url', url: 'https://a.b/t.md', step: 3 });
    expect(readEmbedParams('?embed=1&tutorial-url=https%3A%2F%2Fa.b%2Ft.md&step=x')).toMatchObject({ source: { kind: 'tutorial-url', step: 1 }, errors: ['ERROR step=x: a step number counting from 1'] });
    expect(readEmbedParams('?embed=1&tutorial-url=javascript%3Aalert(1)')).toMatchObject({ source: { kind: 'default' }, errors: ['ERROR tutorial-url=javascript:alert(1) is not an http(s) URL'] });
  });
});
