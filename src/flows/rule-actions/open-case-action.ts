import { z } from "zod";
import { CASE_CHANNELS, CASE_PRIORITIES, ZCategory } from "../../modules/cases";
import { getPerson } from "../../modules/register";
import type { RuleAction } from "../../modules/rules";
import { openCaseForRecord } from "../timeline-writes";
import { firingText, personalSubject } from "./personal-text";

const ZConfig = z.object({
  /** May name the person by `{greetingName}` and `{surname}`. */
  subject: z.string().trim().min(1).max(300),
  category: ZCategory,
  priority: z.enum(CASE_PRIORITIES).default("normal"),
  channel: z.enum(CASE_CHANNELS).default("other"),
  /** 1 = first line, 2 = second line. */
  line: z.number().int().min(1).max(2).default(1),
  teamId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
});

/**
 * Opens a support case for the person, with the rule's explanation as its description. The
 * engine fires a rule once per person and cause, so one firing opens one case.
 */
export const openCaseAction: RuleAction<z.infer<typeof ZConfig>> = {
  type: "open_case",
  label: "Open a case",
  config: ZConfig,
  async execute(ctx, config, target) {
    const person = await getPerson(ctx, target.personId);
    const subject = personalSubject(config.subject, person);
    const { case: opened } = await openCaseForRecord(ctx, {
      personId: target.personId,
      subject,
      description: firingText(target).slice(0, 20_000),
      category: config.category,
      priority: config.priority,
      channel: config.channel,
      line: config.line,
      ...(config.teamId ? { teamId: config.teamId } : {}),
      ...(config.assigneeId ? { assigneeId: config.assigneeId } : {}),
      data: { ruleId: target.ruleId, firingId: target.firingId },
      source: { system: "rules" },
    });
    return { caseId: opened.id, number: opened.number };
  },
};
