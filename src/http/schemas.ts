import { z } from "zod";

export const ZProblem = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    code: z.string(),
    errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
    requestId: z.string(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details with a stable `code` and per-field errors" });

/** The error responses every authenticated route can give, for the OpenAPI document. */
export const problemResponses = {
  400: ZProblem,
  401: ZProblem,
  403: ZProblem,
  404: ZProblem,
  409: ZProblem,
  429: ZProblem,
} as const;

export const ZIdParams = z.object({ id: z.uuid() });
