/** What the card's lists ask of the people or the organisation list; both lists take it. */
export interface FollowUpSearch {
  owner: string;
  filter: string[];
  sort: string;
}

/** How long without a call, meeting or e-mail before a customer is due a word. */
export const FOLLOW_UP_DAYS = 90;

/** The day `days` before `today`, as the list's filters write a day. */
export function followUpCutoff(today: Date, days = FOLLOW_UP_DAYS): string {
  const cutoff = new Date(today.getFullYear(), today.getMonth(), today.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${cutoff.getFullYear()}-${pad(cutoff.getMonth() + 1)}-${pad(cutoff.getDate())}`;
}

/** A customer with a call or meeting already booked is being followed up. */
const NOTHING_BOOKED = "nextContactAt:empty";

/**
 * The people list of a user's customers not contacted since the cutoff and with nothing booked,
 * the longest ago first.
 */
export function followUpSearch(userId: string, cutoff: string): FollowUpSearch {
  return { owner: userId, filter: [`lastContactAt:lt:${cutoff}`, NOTHING_BOOKED], sort: "lastContactAt" };
}

/**
 * The people list of a user's customers never called, met or e-mailed and with nothing booked,
 * the earliest registered first.
 */
export function neverContactedSearch(userId: string): FollowUpSearch {
  return { owner: userId, filter: ["lastContactAt:empty", NOTHING_BOOKED], sort: "createdAt" };
}
