import { ApiProblem, type FieldError } from "../api/api-problem";
import { fieldProblem } from "../i18n/problem-message";
import type { Messages } from "../i18n/sv";

/** The parts of a rule the builder has inputs for; a fault anywhere else is listed above the form. */
const PLACED = ["name", "description", "trigger", "condition", "actions", "oncePerDays", "enabled"];

export interface RuleProblems {
  /** The message for the input at exactly this path, e.g. `condition.all.1.value`. */
  at(path: string): string | undefined;
  /** Messages for faults at `path` or under it, except those at the paths given (shown by their own inputs). */
  under(path: string, except?: readonly string[]): string[];
  /** Faults with no input in the builder. */
  unplaced: string[];
}

const within = (field: string, path: string) => field === path || field.startsWith(`${path}.`);

/**
 * How a message template is refused: the rule's save names the fault "custom" with the
 * template engine's own words (where in the template), the messages API by its own codes.
 */
const TEMPLATE_FAULTS = new Set(["custom", "template_syntax", "template_render", "template_not_allowed"]);

/**
 * Words for a fault by where it is and its code: the condition checker's codes are the same for
 * every row, and some inputs need their own sentence (a cron line, a webhook secret).
 */
function messageOf(fault: FieldError, error: ApiProblem, t: Messages): string {
  const errors = t.rules.errors;
  const { field, code } = fault;
  if (field.startsWith("condition")) {
    const byCode: Partial<Record<string, string>> = {
      invalid_value: errors.value,
      unknown_field: errors.field,
      unknown_operator: errors.op,
      operator_not_allowed: errors.op,
      empty_group: errors.emptyGroup,
      too_deep: errors.tooDeep,
      too_many_nodes: errors.tooManyNodes,
      too_many_values: errors.tooManyValues,
      invalid_shape: errors.incomplete,
    };
    return byCode[code] ?? fault.message;
  }
  if (/^actions\.\d+\.config\.(subject|body|html)$/.test(field) && TEMPLATE_FAULTS.has(code)) {
    // A rule's save says "custom" for both kinds of fault; a refused partial is told apart by the server's sentence.
    const notAllowed =
      code === "template_not_allowed" || fault.message.includes("is not available in message templates");
    return notAllowed ? errors.templateNotAllowed : errors.template(fault.message);
  }
  const overrides: Partial<Record<string, string>> = {};
  if (field === "trigger.cron") overrides.invalid_format = errors.cron;
  if (field === "trigger.segmentRuleId" || field === "trigger.field") {
    overrides.invalid_format = errors.choose;
    overrides.unknown_field = errors.choose;
    overrides.too_small = errors.choose;
  }
  if (field === "oncePerDays" || /^actions\.\d+\.config\.dueInDays$/.test(field) || field === "trigger.amount") {
    Object.assign(overrides, { too_small: errors.days, too_big: errors.days, invalid_type: errors.days });
  }
  if (/^actions\.\d+\.config\.url$/.test(field)) overrides.invalid_format = t.fields.website;
  if (/^actions\.\d+\.config\.secret$/.test(field)) overrides.too_small = errors.secret;
  if (/^actions\.\d+\.config\.category$/.test(field)) overrides.invalid_format = errors.category;
  if (/^actions\.\d+\.config\.(channel|purpose|priority|line)$/.test(field)) {
    Object.assign(overrides, { invalid_value: errors.choose, too_small: errors.choose, too_big: errors.choose });
  }
  if (/^actions\.\d+\.config\.(userId|teamId|assigneeId|assignTo)$/.test(field)) {
    overrides.invalid_format = errors.choose;
    overrides.invalid_union = errors.choose;
  }
  if (/^actions\.\d+\.config$/.test(field) && code === "invalid_union") overrides.invalid_union = errors.owner;
  if (/^actions\.\d+\.type$/.test(field)) overrides.unknown_action = errors.unknownAction;
  return fieldProblem(error, field, t, overrides) ?? fault.message;
}

export function ruleProblems(error: unknown, t: Messages): RuleProblems {
  const faults = error instanceof ApiProblem ? error.errors : [];
  const message = (fault: FieldError) => messageOf(fault, error as ApiProblem, t);
  return {
    at: (path) => {
      const fault = faults.find((candidate) => candidate.field === path);
      return fault ? message(fault) : undefined;
    },
    under: (path, except = []) =>
      faults
        .filter((fault) => within(fault.field, path) && !except.some((shown) => within(fault.field, shown)))
        .map(message),
    unplaced: faults.filter((fault) => !PLACED.some((path) => within(fault.field, path))).map(message),
  };
}
