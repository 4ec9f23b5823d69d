import { formatCountry } from "../i18n/format";
import type { Locale } from "../i18n/locale";
import type { Messages } from "../i18n/sv";
import { describeDevice } from "./describe-device";
import type { Enrichment } from "./types";

/** Channels that say nothing about how a visitor found the site. */
const UNREMARKABLE = new Set(["direct", "internal"]);

/**
 * One line about a visit for the person's timeline: the page, the device, where the visitor
 * came from and the country, e.g. "https://… · Safari på iOS · via newsletter · Sverige".
 */
export function summarizeEvent(
  properties: Record<string, unknown> | null | undefined,
  enrichment: Partial<Enrichment> | null | undefined,
  t: Messages,
  locale: Locale,
): string | null {
  const reference = enrichment?.reference;
  const parts = [
    typeof properties?.url === "string" ? properties.url : null,
    describeDevice(enrichment?.device, t),
    reference && !UNREMARKABLE.has(reference.channel)
      ? t.events.via(reference.source ?? t.events.channels[reference.channel] ?? reference.channel)
      : null,
    enrichment?.country ? formatCountry(enrichment.country, locale) : null,
  ];
  const line = parts.filter(Boolean).join(" · ");
  return line || null;
}
