import type { Messages } from "../i18n/sv";

/**
 * A case category in words. Categories are free keys (`reklamation_vara`); the usual ones have
 * words, any other is read from its key: words spaced out, the first capitalised.
 */
export function caseCategoryLabel(category: string, t: Messages): string {
  const known = t.timeline.caseCategory[category];
  if (known) return known;
  const words = category.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toLocaleUpperCase("sv") + words.slice(1);
}
