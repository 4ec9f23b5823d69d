import type { CaseLine, RuleAction } from "./types";

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
  | {
      type: "send_message";
      /**
       * One of MESSAGE_CHANNELS and MESSAGE_PURPOSES; one the app has no word for yet is kept as it
       * came, never swapped for a default.
       */
      channel: string;
      purpose: string;
      subject: string;
      body: string;
      /** Empty for a plain-text e-mail. */
      html: string;
    }
  | {
      type: "open_case";
      subject: string;
      category: string;
      /** One of CASE_PRIORITIES and CASE_CHANNELS, or kept as it came. */
      priority: string;
      channel: string;
      line: CaseLine;
      teamId: string | null;
      assigneeId: string | null;
    }
  | { type: "escalate"; category: string; teamId: string | null; assigneeId: string | null }
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
  "send_message",
  "open_case",
  "escalate",
] as const satisfies readonly ActionType[];

let lastId = 0;
const nextId = () => `action-${++lastId}`;

const text = (value: unknown) => (typeof value === "string" ? value : "");
const numberOrEmpty = (value: unknown) => (typeof value === "number" ? value : "");
const isActionType = (type: string): type is ActionType => (ACTION_TYPES as readonly string[]).includes(type);
const isStrategy = (value: unknown): value is AssignStrategy => ASSIGN_STRATEGIES.includes(value as AssignStrategy);
const idOrNull = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);
/** The saved choice, or the one the server takes when there is none. */
const choiceOr = (value: unknown, fallback: string) => (typeof value === "string" && value !== "" ? value : fallback);

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
    case "send_message":
      return {
        id,
        type,
        channel: choiceOr(config.channel, "email"),
        purpose: choiceOr(config.purpose, "marketing"),
        subject: text(config.subject),
        body: text(config.body),
        html: text(config.html),
      };
    case "open_case":
      return {
        id,
        type,
        subject: text(config.subject),
        category: text(config.category),
        priority: choiceOr(config.priority, "normal"),
        channel: choiceOr(config.channel, "other"),
        line: config.line === 2 ? 2 : 1,
        teamId: idOrNull(config.teamId),
        assigneeId: idOrNull(config.assigneeId),
      };
    case "escalate":
      return {
        id,
        type,
        category: text(config.category),
        teamId: idOrNull(config.teamId),
        assigneeId: idOrNull(config.assigneeId),
      };
  }
}

const numberOrNothing = (value: number | string) => (typeof value === "number" ? value : undefined);
const textOrNothing = (value: string) => value.trim() || undefined;
const idOrNothing = (value: string | null) => value ?? undefined;

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
    case "send_message":
      return {
        type: draft.type,
        config: {
          channel: draft.channel,
          purpose: draft.purpose,
          subject: draft.subject.trim(),
          body: draft.body,
          // Without an HTML version the e-mail goes out as plain text.
          html: draft.html.trim() ? draft.html : undefined,
        },
      };
    case "open_case":
      return {
        type: draft.type,
        config: {
          subject: draft.subject.trim(),
          category: textOrNothing(draft.category),
          priority: draft.priority,
          channel: draft.channel,
          line: draft.line,
          teamId: idOrNothing(draft.teamId),
          assigneeId: idOrNothing(draft.assigneeId),
        },
      };
    case "escalate":
      return {
        type: draft.type,
        config: {
          // No category escalates every open case of the person.
          category: textOrNothing(draft.category),
          teamId: idOrNothing(draft.teamId),
          assigneeId: idOrNothing(draft.assigneeId),
        },
      };
    case "other":
      return { type: draft.actionType, config: draft.config };
  }
}
