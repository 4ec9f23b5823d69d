/**
 * The legal form in a company's name (AB, HB, Ek. för., aktiebolag …). It says nothing about the
 * people working there, and a short word like "AB" is close enough to "Abra" for a fuzzy search
 * to list everyone employed by an aktiebolag, so it is left out of the names searched, and out
 * of a query: "Bryggeriet i Visby AB" searches for "Bryggeriet i Visby".
 */
const LEGAL_FORM_WORDS =
  /(^|\s)(ab|hb|kb|ek\.?\s*för\.?|\(publ\)|aktiebolag|handelsbolag|kommanditbolag|ekonomisk förening)(?=\s|$)/giu;

export const withoutLegalFormWords = (text: string) => text.replace(LEGAL_FORM_WORDS, " ");
