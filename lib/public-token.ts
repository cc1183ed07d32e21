/**
 * The secrets in the links a resident receives without an account (cancel or move an appointment,
 * cancel a workshop seat, answer a waiting list's offer). The link carries the token; the database
 * keeps only its SHA-256, so a leaked database gives no working link.
 */
import { createHash, randomBytes } from "node:crypto";

export function hashPublicToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** 144 random bits, URL-safe. */
export function newPublicToken(): { token: string; hash: string } {
  const token = randomBytes(18).toString("base64url");
  return { token, hash: hashPublicToken(token) };
}

/** Whether a URL segment can be a token at all, so that garbage answers 404 without a query. */
export function isPublicToken(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{24}$/.test(value);
}
