import { type Ctx, withTransaction } from "../kernel/ctx";
import { type TCustomAttribute, type TUpdateCustomAttributeInput, updateCustomAttribute } from "../modules/register";
import { type RuleEngine, renameChoiceInRules } from "../modules/rules";

/**
 * Changes a custom attribute, and in the same transaction the rules that name a choice it
 * renames: the stored values and every rule comparing or setting them move to the new spelling
 * together, so no rule silently stops matching.
 */
export async function changeCustomAttribute(
  ctx: Ctx,
  engine: RuleEngine,
  id: string,
  input: TUpdateCustomAttributeInput,
): Promise<TCustomAttribute & { rulesChanged: Array<{ id: string; name: string; version: number }> }> {
  return withTransaction(ctx, async (tx) => {
    const { attribute, renamedChoices } = await updateCustomAttribute(tx, id, input);
    const rulesChanged =
      attribute.entity === "person"
        ? await renameChoiceInRules(tx, engine, { attributeKey: attribute.key, renames: renamedChoices })
        : [];
    return { ...attribute, rulesChanged };
  });
}
