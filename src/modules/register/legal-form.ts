/**
 * The legal form in a company's name (AB, HB, Ek. för., aktiebolag …). It says nothing about the
 * people working there, and a short word like "AB" is close enough to "Abra" for a fuzzy search
 * to list everyone employed by an aktiebolag, so it is left out of the names searched, and out
 * of a query: "Bryggeriet i Visby AB" searches for "Bryggeriet i Visby".
 */
const LEGAL_FORM_WORDS =
  /(^|\s)(ab|hb|kb|ek\.?\s*för\.?|\(publ\)|aktiebolag|handelsbolag|kommanditbolag|ekonomisk förening)(?=\s|$)/giu;

export const withoutLegalFormWords = (text: string) => text.replace(LEGAL_FORM_WORDS, " ");

/** The legal forms a name can state, with the group digits of the organisationsnummer each has. */
const NAMED_FORMS: ReadonlyArray<{ pattern: RegExp; form: string; groups: readonly number[] }> = [
  { pattern: /(^|\s)(ab|aktiebolag|\(publ\))(?=\s|$)/iu, form: "aktiebolag", groups: [5] },
  { pattern: /(^|\s)(hb|kb|handelsbolag|kommanditbolag)(?=\s|$)/iu, form: "handelsbolag", groups: [9] },
  { pattern: /(^|\s)(ek\.?\s*för\.?|ekonomisk förening)(?=\s|$)/iu, form: "ekonomisk förening", groups: [7] },
];

/**
 * The legal form a company's name states ("Verktyg AB" is an aktiebolag), with the group digits
 * its organisationsnummer may start with; null for a name that states none.
 */
export function legalFormInName(name: string): { form: string; groups: readonly number[] } | null {
  const named = NAMED_FORMS.find(({ pattern }) => pattern.test(name));
  return named ? { form: named.form, groups: named.groups } : null;
}
