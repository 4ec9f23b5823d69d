import { describe, expect, it } from "vitest";
import { ApiProblem } from "../api/api-problem";
import { sv } from "../i18n/sv";
import { ruleProblems } from "./rule-problems";

const refusal = (errors: Array<{ field: string; code: string }>) =>
  new ApiProblem({
    status: 400,
    code: "validation_failed",
    detail: "The rule is not valid",
    errors: errors.map((error) => ({ ...error, message: "server's words" })),
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
});
