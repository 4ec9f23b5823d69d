const STORAGE_KEY = "lh_csrf";

/**
 * The session's CSRF token, kept beside the session cookie and shared like it by every tab of
 * the browser: a customer opened in a new tab can be saved there too. Signing in anew (in any
 * tab) replaces both; signing out clears both.
 */
export const csrfToken = {
  get: (): string | null => localStorage.getItem(STORAGE_KEY),
  set: (token: string): void => localStorage.setItem(STORAGE_KEY, token),
  clear: (): void => localStorage.removeItem(STORAGE_KEY),
};
