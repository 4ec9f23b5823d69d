import { type AddressInfo, createServer } from "node:net";

/**
 * A port nothing listens on now, chosen by the system among its free ones: a server a test starts
 * on it later finds it free, where a port drawn at random could be a service's own (RabbitMQ's
 * 25672) or the local end of one of the tests' database connections.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
