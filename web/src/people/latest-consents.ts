import type { Consent, ContactChannel } from "../register/types";

/** The decision in force per purpose and channel: the latest recorded one wins. */
export function latestConsents(consents: readonly Consent[]): Map<string, Consent> {
  const latest = new Map<string, Consent>();
  for (const consent of consents) {
    const key = consentKey(consent.purpose, consent.channel);
    const known = latest.get(key);
    if (!known || known.recordedAt < consent.recordedAt) latest.set(key, consent);
  }
  return latest;
}

export const consentKey = (purpose: string, channel: ContactChannel) => `${purpose}/${channel}`;

/** Marketing always, and any other purpose the person has answered about. */
export function consentPurposes(consents: readonly Consent[]): string[] {
  return [
    "marketing",
    ...new Set(consents.map((consent) => consent.purpose).filter((purpose) => purpose !== "marketing")),
  ];
}
