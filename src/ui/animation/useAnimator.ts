import { useEffect } from 'react';
import type { RelvizStore } from '../../store/store.ts';
import { startAnimator } from './animator.ts';

export function useAnimator(store: RelvizStore): void {
  useEffect(() => startAnimator(store), [store]);
}
