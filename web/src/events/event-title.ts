import type { Messages } from "../i18n/sv";
import type { TrackedEvent } from "./types";

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);

/**
 * A short title in the reader's language: the track event's own name, or what was viewed. The
 * server writes its own English title for the timeline; the app says it again in Swedish.
 */
export function eventTitle(event: Pick<TrackedEvent, "type" | "name" | "properties">, t: Messages): string {
  const properties = event.properties ?? {};
  switch (event.type) {
    case "track":
      return event.name ?? t.events.titles.track;
    case "page":
      return t.events.titles.page(
        event.name ?? text(properties.title) ?? text(properties.path) ?? t.events.titles.aPage,
      );
    case "screen":
      return t.events.titles.screen(event.name ?? "");
    case "identify":
      return t.events.titles.identify;
    case "group":
      return t.events.titles.group;
    default:
      return t.events.titles.alias;
  }
}
