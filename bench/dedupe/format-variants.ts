import { parsePersonnummer, parsePhone, parsePostnummer } from "../../src/lib/se";

// Fixed, so that a 10-digit personnummer reads the same century on every run.
const TODAY = new Date(2026, 0, 15);

/** The personnummer as people write it: 10 or 12 digits, with or without the dash. */
export function personnummerVariant(random: () => number, normalized: string): string {
  const short = normalized.slice(2);
  const age = TODAY.getFullYear() - Number(normalized.slice(0, 4));
  const r = random();
  if (r < 0.35) return `${short.slice(0, 6)}${age >= 100 ? "+" : "-"}${short.slice(6)}`;
  if (r < 0.55 && age < 100) return short;
  if (r < 0.8) return `${normalized.slice(0, 8)}-${normalized.slice(8)}`;
  return normalized;
}

export function postnummerVariant(random: () => number, postnummer: string): string {
  return random() < 0.7 ? `${postnummer.slice(0, 3)} ${postnummer.slice(3)}` : `SE-${postnummer}`;
}

/** A mobile in E.164 written the national way (070-123 45 67) or spaced international. */
export function phoneVariant(random: () => number, e164: string): string {
  const national = `0${e164.slice(3)}`;
  const r = random();
  if (r < 0.5) return `${national.slice(0, 3)}-${national.slice(3, 6)} ${national.slice(6, 8)} ${national.slice(8)}`;
  if (r < 0.75) return national;
  return `+46 ${e164.slice(3, 5)} ${e164.slice(5, 8)} ${e164.slice(8, 10)} ${e164.slice(10)}`;
}

export function streetVariant(random: () => number, street: string): string {
  const r = random();
  if (r < 0.4) return street.replace(/gatan\b/u, "g.").replace(/vägen\b/u, "v.");
  if (r < 0.7) return street.toUpperCase();
  return street.replace(/(gatan|vägen)\b/u, " $1");
}

/** What the register's normalisation makes of the variants: the form the matcher is given. */
export function normalisePersonnummer(raw: string): string | null {
  const parsed = parsePersonnummer(raw, TODAY);
  return parsed.ok ? parsed.value.normalized : null;
}

export function normalisePostnummer(raw: string): string | null {
  const parsed = parsePostnummer(raw);
  return parsed.ok ? parsed.value.normalized.replace(" ", "") : null;
}

export function normalisePhone(raw: string): string | null {
  const parsed = parsePhone(raw);
  return parsed.ok ? parsed.value.e164 : null;
}
