import { z } from "zod";
import type { Ctx } from "../kernel/ctx";
import { listTasks, type TActivity, ZActivity, type ZListTasksInput } from "../modules/activities";
import { recordNames } from "../modules/register";

export const ZTaskListItem = ZActivity.extend({
  /** Whom the task is about, named, so a to-do list reads without opening each customer. */
  customer: z
    .object({
      kind: z.enum(["person", "organization"]),
      id: z.uuid(),
      name: z.string(),
    })
    .nullable(),
});
export type TTaskListItem = z.infer<typeof ZTaskListItem>;

/** Tasks by due date, each with the name of the person or organisation it is about. */
export async function listTasksWithCustomers(
  ctx: Ctx,
  input: z.input<typeof ZListTasksInput>,
): Promise<TTaskListItem[]> {
  const tasks = await listTasks(ctx, input);
  const names = await recordNames(ctx, {
    people: tasks.flatMap((task) => (task.personId ? [task.personId] : [])),
    organizations: tasks.flatMap((task) => (task.organizationId ? [task.organizationId] : [])),
  });
  return tasks.map((task) => ({ ...task, customer: customerOf(task, names) }));
}

function customerOf(task: TActivity, names: Awaited<ReturnType<typeof recordNames>>): TTaskListItem["customer"] {
  if (task.personId) {
    const named = names.people.get(task.personId);
    return named ? { kind: "person", id: task.personId, ...named } : null;
  }
  if (task.organizationId) {
    const named = names.organizations.get(task.organizationId);
    return named ? { kind: "organization", id: task.organizationId, ...named } : null;
  }
  return null;
}
