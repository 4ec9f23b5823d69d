import { type EventType, isEventType } from "./types";

/** The stream's filters, kept in the address so a filtered stream can be shared and returned to. */
export interface EventStreamSearch {
  sourceId?: string;
  type?: EventType;
  name?: string;
  anonymousId?: string;
  userId?: string;
  /** Set by links from a person's page; there is no input for it, only a way to clear it. */
  personId?: string;
}

/** The router reads "4711" as a number; an id is text here. */
const text = (value: unknown) =>
  typeof value === "string" && value.trim() ? value : typeof value === "number" ? String(value) : undefined;

export function validateEventStreamSearch(search: Record<string, unknown>): EventStreamSearch {
  return {
    sourceId: text(search.sourceId),
    type: isEventType(search.type) ? search.type : undefined,
    name: text(search.name),
    anonymousId: text(search.anonymousId),
    userId: text(search.userId),
    personId: text(search.personId),
  };
}

/** The filters as the API names them; ids are matched exactly, so spaces around them are typing slips. */
export function eventStreamQueryParams(search: EventStreamSearch): Record<string, string | undefined> {
  return {
    sourceId: search.sourceId,
    type: search.type,
    name: search.name?.trim(),
    anonymousId: search.anonymousId?.trim(),
    userId: search.userId?.trim(),
    personId: search.personId,
  };
}
