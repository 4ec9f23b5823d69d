import { useSyncExternalStore } from "react";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locale";

const STORAGE_KEY = "lh_locale";

function readStored(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  return isLocale(stored) ? stored : DEFAULT_LOCALE;
}

let current: Locale = readStored();
const listeners = new Set<() => void>();

/**
 * The UI language lives outside React so route guards can apply the signed-in user's choice
 * before a page renders. It is remembered in the browser for the sign-in page.
 */
export const localeStore = {
  get: (): Locale => current,
  set(locale: Locale): void {
    if (locale === current) return;
    current = locale;
    localStorage.setItem(STORAGE_KEY, locale);
    document.documentElement.lang = locale;
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

document.documentElement.lang = current;

export function useLocale(): Locale {
  return useSyncExternalStore(localeStore.subscribe, localeStore.get);
}
