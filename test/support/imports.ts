import { expect } from "vitest";
import type { TestApi } from "./api";

/** Uploads a file to the import as the web app and scripts do, and finds the person it made. */
export function importHelpers(api: () => TestApi) {
  const upload = (entity: string, body: string | Buffer, query: string) => api().importCsv(entity, body, query);
  const findOne = async (q: string) => {
    const list = await api().call({ url: `/api/people?q=${encodeURIComponent(q)}` });
    expect(list.body.items).toHaveLength(1);
    return (await api().call({ url: `/api/people/${list.body.items[0].id}` })).body;
  };
  return { upload, findOne };
}
