import { fail, ok, type Parsed } from "./parsed";

export interface Email {
  /** Trimmed, with the domain in lower case; the local part as given, since servers may treat case as significant. */
  address: string;
  domain: string;
  /** All lower case, for matching two spellings of one mailbox. Dots and +tags are kept: only the provider knows. */
  canonical: string;
}

// RFC 5322's dot-atom, widened to letters and digits of any script (internationalised addresses).
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LEVEL = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;

/**
 * Accepts an address a mail server could deliver to and refuses the junk import files hold:
 * spaces, two @, no domain, a domain without a dot, a numeric or one-letter top-level domain,
 * empty labels, quoted local parts. It does not look the domain up.
 */
export function parseEmail(input: string): Parsed<Email, "invalid_email"> {
  const trimmed = input.trim();
  if (trimmed.length === 0) return invalid("The address is empty.");
  if (trimmed.length > 254) return invalid("The address is longer than 254 characters.");
  if (/\s/u.test(trimmed)) return invalid("The address contains spaces.");
  const at = trimmed.indexOf("@");
  if (at === -1 || at !== trimmed.lastIndexOf("@")) return invalid("The address must contain exactly one @.");
  const local = trimmed.slice(0, at);
  const domain = trimmed.slice(at + 1).toLowerCase();
  if (local.length === 0 || local.length > 64 || !LOCAL_PART.test(local)) {
    return invalid("The part before @ is empty, too long or has characters an address cannot have.");
  }
  const labels = domain.split(".");
  const topLevel = labels[labels.length - 1] as string;
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label)) || !TOP_LEVEL.test(topLevel)) {
    return invalid("The domain after @ is not a valid domain name.");
  }
  const address = `${local}@${domain}`;
  return ok({ address, domain, canonical: address.toLowerCase() });
}

function invalid(message: string) {
  return fail("invalid_email", message);
}
