import { Liquid, Tag, type TagToken, type TopLevelToken } from "liquidjs";
import { AppError, type TFieldError } from "../../kernel/errors";

/** What a template may read: the person's names and address, nothing else. */
export interface TTemplateVariables {
  person: { greetingName: string; givenNames: string; surname: string; email: string | null };
}

export interface TMessageTemplates {
  subject: string;
  body: string;
  html?: string | undefined;
}

export type TTemplateField = "subject" | "body" | "html";

/** A template may not reach outside itself: partials and layouts would read other templates or files. */
class NotInMessages extends Tag {
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    throw new Error(`{% ${token.name} %} is not available in message templates`);
  }
  *render() {}
}

function sandbox(escapeOutput: boolean): Liquid {
  const liquid = new Liquid({
    // An empty in-memory file system: nothing on disk can be read, whatever a template asks for.
    templates: {},
    strictVariables: false,
    strictFilters: true,
    ownPropertyOnly: true,
    ...(escapeOutput ? { outputEscape: "escape" as const } : {}),
    // Characters of template, milliseconds of rendering, and string/array allocations per render.
    parseLimit: 200_000,
    renderLimit: 1_000,
    memoryLimit: 10_000_000,
  });
  for (const name of ["include", "render", "layout"]) liquid.registerTag(name, NotInMessages);
  return liquid;
}

const plain = sandbox(false);
/** HTML bodies escape every value they print, so a name can never become markup. */
const escaping = sandbox(true);

function templateError(field: TTemplateField, error: unknown, stage: "parse" | "render"): TFieldError {
  const message =
    (error instanceof Error ? error.message : String(error)).split("\n")[0] || "The template is not valid";
  const forbidden = message.includes("is not available in message templates");
  return {
    field,
    code: forbidden ? "template_not_allowed" : stage === "parse" ? "template_syntax" : "template_render",
    message,
  };
}

/** Why a template cannot be used, or null: checks syntax and the sandbox's rules without rendering. */
export function templateProblem(source: string): { code: string; message: string } | null {
  try {
    plain.parse(source);
    return null;
  } catch (error) {
    const { code, message } = templateError("body", error, "parse");
    return { code, message };
  }
}

/**
 * Renders subject, text body and, when given, HTML body for one person. Every problem is a
 * `validation_failed` naming the template at fault, so the author sees which one to fix.
 */
export async function renderMessage(
  templates: TMessageTemplates,
  variables: TTemplateVariables,
): Promise<{ subject: string; bodyText: string; bodyHtml: string | null }> {
  const sources: Array<[TTemplateField, string, Liquid]> = [
    ["subject", templates.subject, plain],
    ["body", templates.body, plain],
  ];
  if (templates.html !== undefined) sources.push(["html", templates.html, escaping]);
  const problems: TFieldError[] = [];
  const parsed = sources.flatMap(([field, source, liquid]) => {
    try {
      return [{ field, liquid, template: liquid.parse(source) }];
    } catch (error) {
      problems.push(templateError(field, error, "parse"));
      return [];
    }
  });
  if (problems.length > 0)
    throw new AppError("validation_failed", "A message template is not valid", { fields: problems });
  const scope = { person: { ...variables.person } };
  const output: Partial<Record<TTemplateField, string>> = {};
  for (const { field, liquid, template } of parsed) {
    try {
      output[field] = String(await liquid.render(template, scope));
    } catch (error) {
      problems.push(templateError(field, error, "render"));
    }
  }
  // A header is one line: whatever line breaks the template or the data held become spaces.
  const subject = (output.subject ?? "").replace(/\s+/g, " ").trim();
  if (problems.length === 0 && subject === "") {
    problems.push({ field: "subject", code: "template_empty", message: "The subject is empty for this person" });
  }
  if (problems.length > 0)
    throw new AppError("validation_failed", "A message template is not valid", { fields: problems });
  return { subject, bodyText: output.body ?? "", bodyHtml: output.html ?? null };
}
