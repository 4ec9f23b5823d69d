/**
 * Awaits lazy queries one after the other. Inside a transaction all statements share one
 * connection, which runs one at a time anyway; issuing them together only queues them in the
 * driver, which node-postgres deprecates.
 */
export async function sequentially<T extends readonly unknown[]>(
  queries: readonly [...T],
): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query);
  return results as { [K in keyof T]: Awaited<T[K]> };
}
