import { z } from "zod";
import { type Condition, OPERATORS } from "./condition";

export const ZOperator = z.enum(OPERATORS);

/**
 * The shape of a condition only: which fields exist and which values fit them is
 * `validateCondition`'s job, since that needs the registry.
 */
export const ZCondition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ZCondition) }),
    z.strictObject({ any: z.array(ZCondition) }),
    z.strictObject({ not: ZCondition }),
    z.strictObject({ field: z.string(), op: ZOperator, value: z.unknown().optional() }),
  ]),
);
