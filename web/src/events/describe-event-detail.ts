import { formatCountry, formatNumber } from "../i18n/format";
import type { Locale } from "../i18n/locale";
import type { Messages } from "../i18n/sv";
import { describeDevice } from "./describe-device";
import type { EventDetail, EventType } from "./types";

function propertyValue(value: string | number | boolean, t: Messages, locale: Locale): string {
  if (typeof value === "number") return formatNumber(value, locale);
  if (typeof value === "boolean") return value ? t.timeline.eventDetail.yes : t.timeline.eventDetail.no;
  return value;
}

function subjectOf(type: EventType, subject: string | null, t: Messages): string | null {
  if (!subject) return null;
  if (type === "identify") return t.timeline.eventDetail.identifiedAs(subject);
  if (type === "group") return t.timeline.eventDetail.group(subject);
  return subject;
}

/**
 * One line about an event under its title in the person's timeline, in the reader's language:
 * what was viewed or who was identified, the properties that say most, where the visitor came
 * from and on what, e.g. "/erbjudanden/host · via e-post (nyhetsbrev) · kampanj host26 · Safari
 * på iOS · Sverige" or "reason: complaint · duration: 340".
 */
export function describeEventDetail(type: EventType, detail: EventDetail, t: Messages, locale: Locale): string | null {
  const words = t.timeline.eventDetail;
  const via = detail.channel ? (words.via[detail.channel] ?? `via ${detail.channel}`) : null;
  const parts = [
    subjectOf(type, detail.subject, t),
    ...detail.properties.map(({ key, value }) => `${key}: ${propertyValue(value, t, locale)}`),
    detail.traits.length > 0 ? words.traits(detail.traits.join(", ")) : null,
    via && detail.source ? `${via} (${detail.source})` : via,
    detail.campaign ? words.campaign(detail.campaign) : null,
    describeDevice(detail.device, t),
    detail.country ? formatCountry(detail.country, locale) : null,
  ];
  const line = parts.filter(Boolean).join(" · ");
  return line || null;
}
