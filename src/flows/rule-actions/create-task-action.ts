import { z } from "zod";
import { logActivity } from "../../modules/activities";
import { getPerson } from "../../modules/register";
import type { RuleAction } from "../../modules/rules";
import { assertActiveUser } from "./active-users";
import { firingText, personalSubject } from "./personal-text";

const ZConfig = z.object({
  /** May name the person by `{greetingName}` and `{surname}`. */
  subject: z.string().trim().min(1).max(300),
  dueInDays: z.number().int().min(0).max(365).default(1),
  /** `owner` gives the task to the person's owner; or a user id. */
  assignTo: z.union([z.literal("owner"), z.uuid()]).default("owner"),
});

/** A task for a person to do (a call, a letter), with the rule's explanation as its body. */
export const createTaskAction: RuleAction<z.infer<typeof ZConfig>> = {
  type: "create_task",
  label: "Create a task",
  config: ZConfig,
  async execute(ctx, config, target) {
    const person = await getPerson(ctx, target.personId);
    const subject = personalSubject(config.subject, person);
    const ownerId = config.assignTo === "owner" ? (person.ownerId ?? undefined) : config.assignTo;
    if (config.assignTo !== "owner") await assertActiveUser(ctx, config.assignTo);
    const task = await logActivity(ctx, {
      personId: target.personId,
      kind: "task",
      subject,
      body: firingText(target),
      dueAt: new Date(ctx.clock.now().getTime() + config.dueInDays * 86_400_000),
      ...(ownerId ? { ownerId } : {}),
      data: { ruleId: target.ruleId, firingId: target.firingId },
    });
    return { taskId: task.id, ownerId: ownerId ?? null };
  },
};
