/** Presentation mode's keys and its place in the URL (pure rules). */
import { describe, expect, it } from 'vitest';
import { presentKey } from '../../src/ui/present/keys.ts';
import { presentFromSearch, searchWithPresent } from '../../src/ui/present/presentation.ts';

describe('presentation keys', () => {
  it('P enters; nothing else does', () => {
    expect(presentKey('p', false)).toBe('enter');
    expect(presentKey('P', false)).toBe('enter');
    for (const key of ['Escape', 'PageDown', 'n', ' ', 'ArrowRight']) expect(presentKey(key, false)).toBeNull();
  });

  it('while presenting, P and Escape leave, and a clicker or N / B move through the tutorial', () => {
    expect(presentKey('p', true)).toBe('leave');
    expect(presentKey('Escape', true)).toBe('leave');
    expect(presentKey('PageDown', true)).toBe('next-step');
    expect(presentKey('N', true)).toBe('next-step');
    expect(presentKey('PageUp', true)).toBe('previous-step');
    expect(presentKey('b', true)).toBe('previous-step');
    // Space and the arrows are the transport's.
    for (const key of [' ', 'ArrowLeft', 'ArrowRight']) expect(presentKey(key, true)).toBeNull();
  });
});

describe('presentation in the URL', () => {
  it('reads present=1', () => {
    expect(presentFromSearch('?present=1')).toBe(true);
    expect(presentFromSearch('?present=0')).toBe(false);
    expect(presentFromSearch('')).toBe(false);
  });

  it('adds and removes present=1, keeping the other parameters', () => {
    expect(searchWithPresent('', true)).toBe('?present=1');
    expect(searchWithPresent('?seed=3', true)).toBe('?seed=3&present=1');
    expect(searchWithPresent('?seed=3&present=1', false)).toBe('?seed=3');
    expect(searchWithPresent('?present=1', false)).toBe('');
  });
});
