import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../app/services";
import { saveRuleChecked } from "../../flows/save-rule-checked";
import { authorize } from "../../kernel/permissions";
import {
  dryRunCondition,
  getRule,
  listFirings,
  listRules,
  listRuleVersions,
  ZListFiringsInput,
  ZRule,
  ZRuleInput,
} from "../../modules/rules";
import { problemResponses, ZIdParams } from "../schemas";

const tags = ["rules"];
const ZRuleSummary = ZRule.extend({
  stats: z.object({ evaluations: z.number(), firings: z.number(), evaluationMs: z.number() }),
});

/** The rule builder's API: rules and their versions, fields and actions, dry runs, the firing log. */
export async function ruleRoutes(base: FastifyInstance, services: Services) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const engine = services.rules;
  app.get(
    "/api/rules",
    {
      schema: {
        tags,
        summary: "Every rule with its statistics for 30 days",
        response: { 200: z.object({ items: z.array(ZRuleSummary) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listRules(request.ctx(), engine) }),
  );
  app.post(
    "/api/rules",
    { schema: { tags, summary: "Create a rule", body: ZRuleInput, response: { 201: ZRule, ...problemResponses } } },
    async (request, reply) => reply.status(201).send(await saveRuleChecked(request.ctx(), engine, request.body)),
  );
  app.get(
    "/api/rules/:id",
    { schema: { tags, summary: "One rule", params: ZIdParams, response: { 200: ZRule, ...problemResponses } } },
    async (request) => getRule(request.ctx(), engine, request.params.id),
  );
  app.put(
    "/api/rules/:id",
    {
      schema: {
        tags,
        summary: "Save a new version of a rule (every version is kept)",
        params: ZIdParams,
        body: ZRuleInput,
        response: { 200: ZRule, ...problemResponses },
      },
    },
    async (request) => saveRuleChecked(request.ctx(), engine, request.body, request.params.id),
  );
  app.post(
    "/api/rules/:id/enabled",
    {
      schema: {
        tags,
        summary: "Enable or disable a rule (a new version)",
        params: ZIdParams,
        body: z.strictObject({ enabled: z.boolean() }),
        response: { 200: ZRule, ...problemResponses },
      },
    },
    async (request) => {
      const ctx = request.ctx();
      const rule = await getRule(ctx, engine, request.params.id);
      return saveRuleChecked(
        ctx,
        engine,
        {
          name: rule.name,
          description: rule.description,
          trigger: rule.trigger,
          condition: rule.condition,
          actions: rule.actions,
          oncePerDays: rule.oncePerDays,
          enabled: request.body.enabled,
        },
        rule.id,
      );
    },
  );
  app.get(
    "/api/rules/:id/versions",
    {
      schema: {
        tags,
        summary: "Every version of a rule, with who changed it and when",
        params: ZIdParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                ruleId: z.uuid(),
                version: z.number(),
                snapshot: z.record(z.string(), z.unknown()),
                changedAt: z.date(),
                changedBy: z.uuid().nullable(),
                changedByLabel: z.string(),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => ({ items: await listRuleVersions(request.ctx(), request.params.id) }),
  );
  app.get(
    "/api/rule-firings",
    {
      schema: {
        tags,
        summary: "The firing log: for whom each rule fired, why, and what its actions did",
        querystring: ZListFiringsInput,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                ruleId: z.uuid(),
                ruleName: z.string(),
                ruleVersion: z.number(),
                personId: z.uuid().nullable(),
                cause: z.string(),
                firedAt: z.date(),
                status: z.enum(["done", "failed", "skipped"]),
                note: z.string().nullable(),
                trace: z.record(z.string(), z.unknown()),
                results: z.array(z.unknown()),
                explanation: z.array(z.string()),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => ({ items: await listFirings(request.ctx(), request.query) }),
  );
  app.post(
    "/api/rules/dry-run",
    {
      schema: {
        tags,
        summary: "Who matches a condition now, over the whole base, without acting",
        body: z.strictObject({ condition: z.record(z.string(), z.unknown()) }),
        response: {
          200: z.object({ count: z.number(), sample: z.array(z.uuid()), milliseconds: z.number() }),
          ...problemResponses,
        },
      },
    },
    async (request) => dryRunCondition(request.ctx(), engine, request.body.condition),
  );
  app.get(
    "/api/rule-fields",
    {
      schema: {
        tags,
        summary:
          "The fields conditions may use, with their types; event properties are `event.properties.<name>`, case counts by category `cases.category.<category>.count_90d`",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                key: z.string(),
                label: z.string(),
                type: z.string(),
                group: z.string(),
                choices: z.array(z.string()).optional(),
                wholeBase: z.boolean(),
              }),
            ),
            actions: z.array(z.object({ type: z.string(), label: z.string() })),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const ctx = request.ctx();
      authorize(ctx.actor, "rules", "read");
      const registry = await engine.registry(ctx);
      return {
        items: registry.list().map((field) => ({
          key: field.key,
          label: field.label,
          type: field.type,
          group: field.group,
          ...(field.choices ? { choices: [...field.choices] } : {}),
          wholeBase: field.sql !== null,
        })),
        actions: engine.runtime.actions.list().map((action) => ({ type: action.type, label: action.label })),
      };
    },
  );
}
