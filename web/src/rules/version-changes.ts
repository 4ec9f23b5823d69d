import type { Messages } from "../i18n/sv";

const PARTS = ["name", "description", "trigger", "condition", "actions", "oncePerDays"] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What a version changed from the one before, in words: "Inaktiverad", "Villkor, åtgärder".
 * The first version was the rule's creation.
 */
export function versionChanges(
  snapshot: Record<string, unknown>,
  previous: Record<string, unknown> | undefined,
  t: Messages,
): string {
  const words = t.rules.versions;
  if (!previous) return words.created;
  const changes: string[] = PARTS.filter((part) => !same(snapshot[part], previous[part])).map(
    (part) => words.parts[part],
  );
  if (!same(snapshot.enabled, previous.enabled)) changes.unshift(snapshot.enabled ? words.enabled : words.disabled);
  const text = changes.join(", ");
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : words.noChange;
}
