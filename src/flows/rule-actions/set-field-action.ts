import { z } from "zod";
import { LIFECYCLE_STAGES, updatePerson } from "../../modules/register";
import type { RuleAction } from "../../modules/rules";

const ZConfig = z.union([
  z.object({ field: z.literal("lifecycleStage"), value: z.enum(LIFECYCLE_STAGES) }),
  z.object({
    field: z.string().regex(/^custom\.[a-z][a-z0-9_]{0,62}$/, "lifecycleStage, or custom.<key>"),
    value: z.union([z.string().max(500), z.number(), z.boolean(), z.null()]),
  }),
]);

/** Sets the lifecycle stage or a custom attribute, validated as if a person had typed it. */
export const setFieldAction: RuleAction<z.infer<typeof ZConfig>> = {
  type: "set_field",
  label: "Set a field or the lifecycle stage",
  config: ZConfig,
  changes: ["lifecycleStage", "custom"],
  async execute(ctx, config, target) {
    if (config.field === "lifecycleStage") {
      await updatePerson(ctx, target.personId, { lifecycleStage: config.value as (typeof LIFECYCLE_STAGES)[number] });
    } else {
      await updatePerson(ctx, target.personId, { custom: { [config.field.slice(7)]: config.value } });
    }
    return { field: config.field, value: config.value };
  },
};
