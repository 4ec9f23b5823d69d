import type { Services } from "./services";

export async function checkReady(services: Services): Promise<{ ok: boolean; store: string; detail?: string }> {
  try {
    await services.store.ping();
    return { ok: true, store: services.store.kind };
  } catch (error) {
    return { ok: false, store: services.store.kind, detail: error instanceof Error ? error.message : String(error) };
  }
}
