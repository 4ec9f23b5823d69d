import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../app/services";
import { listPersonMessages } from "../../flows/list-person-messages";
import { sendMessageToPerson } from "../../flows/send-message-to-person";
import { ZListMessagesInput, ZMessage, ZMessageContent } from "../../modules/messages";
import { problemResponses, ZIdParams } from "../schemas";

export async function messageRoutes(base: FastifyInstance, _services: Services) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["messages"];

  app.post(
    "/api/people/:id/messages",
    {
      schema: {
        tags,
        summary: "Send the person an e-mail rendered from Liquid templates",
        description:
          "Queues the message and delivers it in the background. Marketing needs the person's consent for the channel; a message that may not be sent is kept as `suppressed` with the reason. The same `idempotencyKey` again returns the message already queued (200) instead of sending another.",
        params: ZIdParams,
        body: ZMessageContent,
        response: { 200: ZMessage, 201: ZMessage, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { message, created } = await sendMessageToPerson(request.ctx(), request.params.id, request.body);
      return reply.status(created ? 201 : 200).send(message);
    },
  );
  app.get(
    "/api/people/:id/messages",
    {
      schema: {
        tags,
        summary: "The messages sent to the person, or kept from them, newest first",
        params: ZIdParams,
        querystring: ZListMessagesInput.omit({ personId: true }),
        response: {
          200: z.object({ items: z.array(ZMessage), nextCursor: z.string().nullable() }),
          ...problemResponses,
        },
      },
    },
    async (request) => listPersonMessages(request.ctx(), { ...request.query, personId: request.params.id }),
  );
}
