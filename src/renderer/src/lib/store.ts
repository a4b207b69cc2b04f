/**
 * A tiny observable store for one feature's state, read in components with
 * useSyncExternalStore. Each feature owns its own store; there is no global App state.
 */
import { useSyncExternalStore } from 'react';

export interface Store<T> {
  get(): T;
  set(next: T | ((prev: T) => T)): void;
  /** shallow-merges a partial state */
  patch(part: Partial<T>): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  const emit = (): void => {
    for (const l of [...listeners]) l();
  };
  return {
    get: () => state,
    set(next) {
      const value = typeof next === 'function' ? (next as (prev: T) => T)(state) : next;
      if (Object.is(value, state)) return;
      state = value;
      emit();
    },
    patch(part) {
      let changed = false;
      for (const k of Object.keys(part) as (keyof T)[]) {
        if (!Object.is(state[k], part[k])) changed = true;
      }
      if (!changed) return;
      state = { ...state, ...part };
      emit();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Reads a slice of a store; the component re-renders only when the slice changes (Object.is). */
export function useStore<T, S>(store: Store<T>, selector: (state: T) => S): S {
  return useSyncExternalStore(store.subscribe, () => selector(store.get()), () => selector(store.get()));
}

/** A shared empty array for selectors (a new [] per call would re-render forever). */
export const EMPTY: readonly [] = Object.freeze([]) as readonly [];

/** A store kept in localStorage under `key`: `load` turns what was saved (or null) into a valid state. */
export function createPersistedStore<T>(key: string, load: (raw: string | null) => T): Store<T> {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(key);
  } catch {
    // no storage (private mode, tests): start from the defaults
  }
  const store = createStore<T>(load(raw));
  store.subscribe(() => {
    try {
      localStorage.setItem(key, JSON.stringify(store.get()));
    } catch {
      // not remembered
    }
  });
  return store;
}
