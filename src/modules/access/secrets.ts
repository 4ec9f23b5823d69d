import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// OWASP's second argon2id profile: 19 MiB, 2 iterations, 1 lane.
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON2);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal accounts. */
let decoyHash: Promise<string> | null = null;
export const decoyPasswordHash = () => {
  decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return decoyHash;
};

/**
 * Random tokens carry 256 bits, so a fast SHA-256 is the right hash for them: a slow password
 * hash only helps against guessable secrets, and would put argon2 on every API request.
 */
export function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
