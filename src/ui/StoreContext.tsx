/** The store reaches components through context (zustand's "bounded useStore" pattern). */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { RelvizActions, RelvizState, RelvizStore } from '../store/store.ts';

const StoreContext = createContext<RelvizStore | null>(null);

export function StoreProvider({ store, children }: { store: RelvizStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself, for imperative code (animation drivers, event handlers). */
export function useRelvizStore(): RelvizStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useRelviz needs a <StoreProvider>');
  return store;
}

/** Reads a slice of the store; re-renders when the selected value changes. */
export function useRelviz<T>(selector: (s: RelvizState & RelvizActions) => T): T {
  return useStore(useRelvizStore(), selector);
}
