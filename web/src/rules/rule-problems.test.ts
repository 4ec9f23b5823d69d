import { describe, expect, it } from "vitest";
import { ApiProblem } from "../api/api-problem";
import { sv } from "../i18n/sv";
import { ruleProblems } from "./rule-problems";

const refusal = (errors: Array<{ field: string; code: string; message?: string }>) =>
  new ApiProblem({
    status: 400,
    code: "validation_failed",
    detail: "The rule is not valid",
    errors: errors.map((error) => ({ message: "server's words", ...error })),
  });

describe("the server's faults with a rule, placed at the builder's inputs", () => {
  it("words a condition fault by its code, at the row's path", () => {
    const problems = ruleProblems(
      refusal([
        { field: "condition.all.1.value", code: "invalid_value" },
        { field: "condition.all.2.field", code: "unknown_field" },
        { field: "condition.not.any", code: "empty_group" },
      ]),
      sv,
    );
    expect(problems.at("condition.all.1.value")).toBe("Värdet passar inte fältet");
    expect(problems.at("condition.all.2.field")).toBe("Välj ett fält");
    expect(problems.at("condition.not.any")).toBe("Gruppen behöver minst ett villkor");
    expect(problems.unplaced).toEqual([]);
  });

  it("gives inputs that need one their own sentence, and lists what the builder has no input for", () => {
    const problems = ruleProblems(
      refusal([
        { field: "name", code: "too_small" },
        { field: "trigger.cron", code: "invalid_format" },
        { field: "actions.0.config.secret", code: "too_small" },
        { field: "actions.1.config", code: "invalid_union" },
        { field: "owner", code: "required" },
      ]),
      sv,
    );
    expect(problems.at("name")).toBe("Fyll i fältet");
    expect(problems.at("trigger.cron")).toBe("Fem fält: minut timme dag månad veckodag");
    expect(problems.at("actions.0.config.secret")).toBe("Minst 16 tecken");
    expect(problems.under("actions.1", ["actions.1.config.userId"])).toEqual(["Välj en användare eller ett team"]);
    expect(problems.unplaced).toEqual(["Fyll i fältet"]);
  });

  it("says where a message template cannot be read, and what a case category must look like", () => {
    const problems = ruleProblems(
      refusal([
        { field: "actions.0.config.subject", code: "too_small" },
        // A rule's save names a template fault "custom", with the template engine's words.
        { field: "actions.0.config.body", code: "custom", message: "tag {% if %} not closed, line:2, col:1" },
        {
          field: "actions.0.config.html",
          code: "custom",
          message: "{% render %} is not available in message templates, line:1, col:1",
        },
        { field: "actions.1.config.category", code: "invalid_format" },
        { field: "actions.1.config.assigneeId", code: "invalid_format" },
      ]),
      sv,
    );
    expect(problems.at("actions.0.config.subject")).toBe("Fyll i fältet");
    expect(problems.at("actions.0.config.body")).toBe(
      "Mallen går inte att tolka: tag {% if %} not closed, line:2, col:1",
    );
    expect(problems.at("actions.0.config.html")).toBe("En mall kan inte använda include, render eller layout");
    expect(problems.at("actions.1.config.category")).toBe(
      "En kategori är en kort nyckel: små bokstäver och siffror, ord bundna med _ eller -",
    );
    expect(problems.at("actions.1.config.assigneeId")).toBe("Välj ett alternativ");
  });
});
