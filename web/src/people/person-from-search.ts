/** What a search for someone not in the register says about them, as the new-person form's fields. */
export interface PersonFromSearch {
  givenNames?: string;
  surname?: string;
  personnummer?: string;
  email?: string;
  phone?: string;
}

const PERSONNUMMER = /^(\d{6}|\d{8})[-+]?\d{4}$/;
const PHONE = /^\+?[\d\s\-()]{6,}$/;

/**
 * The caller nobody found, written into the form they are about to be registered with: an e-mail
 * as the e-mail, a personnummer as one, another number as the phone, and words as the names, the
 * last word the surname ("Anna Maria Ek" → Anna Maria, Ek). One word is taken for a given name.
 */
export function personFromSearch(text: string): PersonFromSearch {
  const q = text.trim().replace(/\s+/g, " ");
  if (!q) return {};
  if (q.includes("@")) return { email: q };
  if (PERSONNUMMER.test(q.replace(/\s/g, ""))) return { personnummer: q.replace(/\s/g, "") };
  if (PHONE.test(q) && /\d{6}/.test(q.replace(/\D/g, ""))) return { phone: q };
  const words = q.split(" ");
  if (words.length === 1) return { givenNames: q };
  return { givenNames: words.slice(0, -1).join(" "), surname: words.at(-1) ?? "" };
}
