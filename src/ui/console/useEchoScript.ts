/**
 * Prints the history's inspection commands in the console as playback or a step
 * passes them (the rule is in scriptEcho.ts), outside React's render path: a store
 * subscription that calls `echo`.
 */
import { useEffect } from 'react';
import type { RelvizStore } from '../../store/store.ts';
import { ScriptEcho } from './scriptEcho.ts';

export function useEchoScript(store: RelvizStore): void {
  useEffect(() => {
    const echo = new ScriptEcho(store.getState());
    return store.subscribe((s, prev) => {
      if (s.cursor === prev.cursor && s.timeline === prev.timeline && s.inputs === prev.inputs) return;
      for (const entry of echo.update(s, prev.playing)) s.echo(entry);
    });
  }, [store]);
}
