import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import scalarReference from "@scalar/fastify-api-reference";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import type { Services } from "../app/services";
import { AppError } from "../kernel/errors";
import { uuidv7 } from "../kernel/ids";
import { registerAuthentication } from "./auth";
import { refuseOtherBodyTypes } from "./json-body";
import { registerMetrics } from "./metrics";
import { sendProblem, toProblem } from "./problem";
import { activityRoutes } from "./routes/activities";
import { auditRoutes } from "./routes/audit";
import { authRoutes } from "./routes/auth";
import { caseRoutes } from "./routes/cases";
import { demoRoutes } from "./routes/demo";
import { eventRoutes } from "./routes/events";
import { healthRoutes, type Lifecycle } from "./routes/health";
import { importRoutes } from "./routes/imports";
import { keyRoutes } from "./routes/keys";
import { messageRoutes } from "./routes/messages";
import { organizationRoutes } from "./routes/organizations";
import { peopleRoutes } from "./routes/people";
import { privacyRoutes } from "./routes/privacy";
import { qualityRoutes } from "./routes/quality";
import { ruleRoutes } from "./routes/rules";
import { savedListRoutes } from "./routes/saved-lists";
import { trackingRoutes } from "./routes/tracking";
import { userRoutes } from "./routes/users";
import { refuseUnstorableInput } from "./storable-input";
import "./types";

export const webDistDir = fileURLToPath(new URL("../../web/dist", import.meta.url));

export interface BuiltApp {
  app: FastifyInstance;
  lifecycle: Lifecycle;
}

const API_PREFIXES = ["/api/", "/v1/", "/sdk/", "/healthz", "/readyz", "/metrics"];

export async function buildApp(services: Services): Promise<BuiltApp> {
  const lifecycle: Lifecycle = { draining: false };
  const app = Fastify({
    loggerInstance: services.log,
    genReqId: (request) => {
      const given = request.headers["x-request-id"];
      return typeof given === "string" && /^[\w.-]{1,100}$/.test(given) ? given : uuidv7();
    },
    trustProxy: services.config.TRUST_PROXY,
    bodyLimit: 1_048_576,
    forceCloseConnections: "idle",
    routerOptions: { ignoreTrailingSlash: true },
    // A path the router cannot read (a broken %-escape, a segment past 100 characters) is answered
    // before any route runs; it gets the same problem as every other error.
    frameworkErrors: (error, request, reply) => sendProblem(reply, toProblem(error, request).problem),
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", String(request.id));
    // A browser must take every response for the type it is sent as: an uploaded document that
    // claims to be an image must not run as a page.
    reply.header("x-content-type-options", "nosniff");
  });

  app.setErrorHandler((error, request, reply) => {
    const { problem, appError } = toProblem(error, request);
    if (!appError) request.log.error({ err: error }, "unhandled error");
    else if (problem.status >= 500) request.log.error({ err: error }, problem.detail);
    return sendProblem(reply, problem);
  });

  app.addHook("preValidation", refuseOtherBodyTypes);
  app.addHook("preValidation", refuseUnstorableInput);

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Lanthandel API",
        version: "0.1.0",
        description:
          "The CRM API. Authenticate with `Authorization: Bearer <api key>` (create keys with `lanthandel apikey create` or in the web app). Errors are RFC 9457 problem details with a stable `code`.",
      },
      components: {
        securitySchemes: {
          apiKey: { type: "http", scheme: "bearer", description: "An API key" },
          session: { type: "apiKey", in: "cookie", name: "lh_session", description: "Web app session" },
          writeKey: { type: "http", scheme: "basic", description: "Tracking API: the write key as user name" },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // The docs page and its assets are public, like the OpenAPI document they render.
  // So are the web app's files: everything outside the API prefixes.
  app.addHook("onRoute", (route) => {
    const isWebFile = !API_PREFIXES.some((prefix) => route.url.startsWith(prefix));
    if (route.url.startsWith("/api/docs") || isWebFile) route.config = { ...(route.config ?? {}), public: true };
    // The OpenAPI document says so too: an empty list of requirements is a route without credentials.
    const config = route.config as { public?: boolean } | undefined;
    if (config?.public && route.schema && !route.schema.security) route.schema.security = [];
  });
  await app.register(scalarReference, {
    routePrefix: "/api/docs",
    configuration: { url: "/api/openapi.json", title: "Lanthandel API" },
    hooks: {},
  });
  app.get("/api/openapi.json", { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  registerAuthentication(app, services);
  const registry = registerMetrics(app, services);
  await healthRoutes(app, services, registry, lifecycle);
  await authRoutes(app, services);
  await userRoutes(app, services);
  await keyRoutes(app, services);
  await auditRoutes(app, services);
  await importRoutes(app, services);
  await peopleRoutes(app, services);
  await savedListRoutes(app, services);
  await organizationRoutes(app, services);
  await activityRoutes(app, services);
  await messageRoutes(app, services);
  await caseRoutes(app, services);
  await privacyRoutes(app, services);
  await demoRoutes(app, services);
  await eventRoutes(app, services);
  await qualityRoutes(app, services);
  await ruleRoutes(app, services);
  await trackingRoutes(app, services);

  const hasWeb = existsSync(`${webDistDir}/index.html`);
  if (hasWeb) {
    // Files are looked up when asked for, so a web build made while the server runs is served as it is.
    await app.register(fastifyStatic, { root: webDistDir, wildcard: true, index: ["index.html"] });
  }
  app.setNotFoundHandler({ preHandler: undefined }, (request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    const isApi = API_PREFIXES.some((prefix) => path.startsWith(prefix));
    // A missing script or stylesheet (a tab still open from before an upgrade asks for a chunk
    // that is gone) is a 404: the page shell in its place fails as a module of type text/html.
    const isFile = /\.[a-z0-9]+$/i.test(path);
    if (!isApi && !isFile && hasWeb && (request.method === "GET" || request.method === "HEAD")) {
      // The single-page app routes on the client: every other page path gets its shell.
      return reply.type("text/html").sendFile("index.html");
    }
    const { problem } = toProblem(new AppError("not_found", `No route ${request.method} ${path}`), request);
    return sendProblem(reply, problem);
  });
  return { app, lifecycle };
}
