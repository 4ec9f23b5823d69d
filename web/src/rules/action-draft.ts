import type { RuleAction } from "./types";

export const ASSIGN_STRATEGIES = ["round_robin", "least_busy", "capacity"] as const;
export type AssignStrategy = (typeof ASSIGN_STRATEGIES)[number];

/** What the server shows in place of a saved webhook secret; sent back unchanged, it keeps the secret. */
export const MASKED_SECRET = "••••••";

/** One action as its inputs hold it; an action type the app has no form for keeps its config as it came. */
export type ActionDraft = { id: string } & (
  | { type: "create_task"; subject: string; dueInDays: number | string; assignTo: string }
  | { type: "set_field"; field: string; value: unknown }
  | {
      type: "assign_owner";
      to: "user" | "team";
      userId: string | null;
      teamId: string | null;
      strategy: AssignStrategy;
      capacity: number | string;
    }
  | { type: "add_to_list" | "remove_from_list"; list: string }
  | { type: "webhook"; url: string; secret: string }
  | { type: "other"; actionType: string; config: Record<string, unknown> }
);

export type ActionType = Exclude<ActionDraft["type"], "other">;
export const ACTION_TYPES = [
  "create_task",
  "set_field",
  "assign_owner",
  "add_to_list",
  "remove_from_list",
  "webhook",
] as const satisfies readonly ActionType[];

let lastId = 0;
const nextId = () => `action-${++lastId}`;

const text = (value: unknown) => (typeof value === "string" ? value : "");
const numberOrEmpty = (value: unknown) => (typeof value === "number" ? value : "");
const isActionType = (type: string): type is ActionType => (ACTION_TYPES as readonly string[]).includes(type);
const isStrategy = (value: unknown): value is AssignStrategy => ASSIGN_STRATEGIES.includes(value as AssignStrategy);

export function newAction(type: string): ActionDraft {
  return actionDraft({ type, config: {} });
}

/** A saved action as its form holds it; a new one starts from the config `{}`. */
export function actionDraft({ type, config }: RuleAction): ActionDraft {
  const id = nextId();
  if (!isActionType(type)) return { id, type: "other", actionType: type, config };
  switch (type) {
    case "create_task":
      return {
        id,
        type,
        subject: text(config.subject),
        dueInDays: typeof config.dueInDays === "number" ? config.dueInDays : 1,
        assignTo: text(config.assignTo) || "owner",
      };
    case "set_field":
      return { id, type, field: text(config.field) || "lifecycleStage", value: config.value ?? null };
    case "assign_owner":
      return {
        id,
        type,
        to: typeof config.teamId === "string" ? "team" : "user",
        userId: typeof config.userId === "string" ? config.userId : null,
        teamId: typeof config.teamId === "string" ? config.teamId : null,
        strategy: isStrategy(config.strategy) ? config.strategy : "round_robin",
        capacity: numberOrEmpty(config.capacity),
      };
    case "add_to_list":
    case "remove_from_list":
      return { id, type, list: text(config.list) };
    case "webhook":
      return { id, type, url: text(config.url), secret: text(config.secret) };
  }
}

const numberOrNothing = (value: number | string) => (typeof value === "number" ? value : undefined);

/** The action as the API takes it; empty inputs are left out for the server to name. */
export function actionOf(draft: ActionDraft): RuleAction {
  switch (draft.type) {
    case "create_task":
      return {
        type: draft.type,
        config: {
          subject: draft.subject.trim(),
          dueInDays: numberOrNothing(draft.dueInDays),
          assignTo: draft.assignTo,
        },
      };
    case "set_field":
      return { type: draft.type, config: { field: draft.field, value: draft.value === "" ? null : draft.value } };
    case "assign_owner":
      return {
        type: draft.type,
        config:
          draft.to === "user"
            ? { userId: draft.userId ?? "" }
            : {
                teamId: draft.teamId ?? "",
                strategy: draft.strategy,
                capacity: draft.strategy === "capacity" ? numberOrNothing(draft.capacity) : undefined,
              },
      };
    case "add_to_list":
    case "remove_from_list":
      return { type: draft.type, config: { list: draft.list.trim() } };
    case "webhook":
      return { type: draft.type, config: { url: draft.url.trim(), secret: draft.secret } };
    case "other":
      return { type: draft.actionType, config: draft.config };
  }
}
