const STORAGE_KEY = "lh_csrf";

/**
 * The token survives a reload but not a new tab; a write from a tab without it is refused
 * with `csrf_failed`, and the user signs in again.
 */
export const csrfToken = {
  get: (): string | null => sessionStorage.getItem(STORAGE_KEY),
  set: (token: string): void => sessionStorage.setItem(STORAGE_KEY, token),
  clear: (): void => sessionStorage.removeItem(STORAGE_KEY),
};
