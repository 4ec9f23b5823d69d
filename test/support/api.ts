import type { FastifyInstance, InjectOptions } from "fastify";
import type { Services } from "../../src/app/services";
import type { StoreKind } from "../../src/db/types";
import { buildApp } from "../../src/http/app";
import type { TRole } from "../../src/kernel/actor";
import { createApiKey, createUser } from "../../src/modules/access";
import { openTestServices, type TestServicesOptions } from "./services";

export interface TestApi {
  services: Services;
  app: FastifyInstance;
  /** An admin's API key. */
  adminKey: string;
  /** Issues a key for a new user with the given role. */
  keyFor(role: TRole, email?: string): Promise<{ key: string; userId: string }>;
  /** Sends a request with a key (the admin's by default) and returns status and parsed body. */
  call(options: InjectOptions & { key?: string }): Promise<TestResponse>;
  /** Sends a CSV file to `POST /api/imports/:entity` as the app does; the query names its system. */
  importCsv(entity: string, csv: string | Buffer, query: string, key?: string): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface TestResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field in the tests
  body: any;
  headers: Record<string, unknown>;
  raw: string;
}

let counter = 0;

/** A server on a database of its own, driven through HTTP as a client would. */
export async function openTestApi(kind: StoreKind, options: TestServicesOptions = {}): Promise<TestApi> {
  const services = await openTestServices(kind, options);
  const { app } = await buildApp(services);
  const keyFor = async (role: TRole, email?: string) => {
    counter += 1;
    const ctx = services.systemCtx("test");
    const user = await createUser(ctx, {
      email: email ?? `${role}${counter}@example.se`,
      name: `${role} ${counter}`,
      password: "test password 123",
      role,
    });
    const { key } = await createApiKey(ctx, { name: "test", userId: user.id });
    return { key, userId: user.id };
  };
  const admin = await keyFor("admin");
  const call: TestApi["call"] = async ({ key, ...options }) => {
    const response = await app.inject({
      ...options,
      headers: { ...(options.headers ?? {}), authorization: `Bearer ${key ?? admin.key}` },
    });
    const type = String(response.headers["content-type"] ?? "");
    return {
      status: response.statusCode,
      body: type.includes("json") ? response.json() : response.body,
      headers: response.headers,
      raw: response.body,
    };
  };
  return {
    services,
    app,
    adminKey: admin.key,
    keyFor,
    call,
    importCsv: (entity, csv, query, key) =>
      call({
        method: "POST",
        url: `/api/imports/${entity}?${query}`,
        headers: { "content-type": "text/csv" },
        payload: csv,
        ...(key ? { key } : {}),
      }),
    async close() {
      await app.close();
      await services.close();
    },
  };
}
