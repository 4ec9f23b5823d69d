/** The languages a user may choose for the app and for the texts the server words for them. */
export const LOCALES = ["sv", "en"] as const;
export type TLocale = (typeof LOCALES)[number];

/** The product's language: for what the system writes on its own and for whoever has not chosen. */
export const DEFAULT_LOCALE: TLocale = "sv";
