import { createHmac } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type Ctx, newId } from "../../kernel/ctx";
import type { RuleAction } from "./actions";
import { rules, webhookDeliveries } from "./schema";

const ZWebhookConfig = z.object({
  url: z.url({ protocol: /^https?$/, message: "An http(s) address" }),
  /** Shared with the receiver, who checks the signature with it; at least 16 characters. */
  secret: z.string().min(16, "At least 16 characters").max(200),
});

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, so a receiver can reject forgeries and replays. */
export function signWebhook(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
  return `t=${t},v1=${v1}`;
}

/**
 * Calls a webhook with the firing: the rule, the person and the explanation. The call is queued
 * in the same transaction as the firing and made by a job, retried with back-off until it
 * succeeds, so a slow or failing receiver never holds up a decision.
 */
export function webhookAction(
  enqueue: (deliveryId: string) => Promise<void>,
): RuleAction<z.infer<typeof ZWebhookConfig>> {
  return {
    type: "webhook",
    label: "Call a webhook",
    config: ZWebhookConfig,
    async execute(ctx, config, target) {
      const id = newId(ctx);
      await ctx.db.insert(webhookDeliveries).values({
        id,
        ruleId: target.ruleId,
        url: config.url,
        body: {
          rule: { id: target.ruleId, name: target.ruleName },
          firingId: target.firingId,
          personId: target.personId,
          explanation: target.explanation,
          firedAt: ctx.clock.now().toISOString(),
        },
        status: "pending",
        createdAt: ctx.clock.now(),
      });
      ctx.afterCommit.push(() => void enqueue(id));
      return { deliveryId: id };
    },
  };
}

/** One attempt at a queued webhook call; throws on failure so the job queue retries it. */
export async function deliverWebhook(ctx: Ctx, deliveryId: string, final: boolean): Promise<void> {
  const [delivery] = await ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
  if (delivery?.status !== "pending") return;
  // The secret stays with the rule, not in every delivery; an edit of the rule signs retries anew.
  const [rule] = delivery.ruleId
    ? await ctx.db.select({ actions: rules.actions }).from(rules).where(eq(rules.id, delivery.ruleId))
    : [];
  const secret = rule?.actions
    .map((action) => action.config as Record<string, unknown> | undefined)
    .find((config) => config?.url === delivery.url)?.secret as string | undefined;
  const body = JSON.stringify(delivery.body);
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetch(delivery.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-lanthandel-signature": signWebhook(secret ?? "", body, ctx.clock.now()),
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    statusCode = response.status;
    if (!response.ok) error = `HTTP ${response.status}`;
  } catch (caught) {
    error = (caught as Error).message;
  }
  await ctx.db
    .update(webhookDeliveries)
    .set({
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      lastStatusCode: statusCode,
      lastError: error,
      status: error ? (final ? "failed" : "pending") : "delivered",
      deliveredAt: error ? null : ctx.clock.now(),
    })
    .where(eq(webhookDeliveries.id, deliveryId));
  if (error) throw new Error(`webhook ${delivery.url}: ${error}`);
}
