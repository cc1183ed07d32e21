/**
 * The person's consented details (contact, preferred language, accessibility needs), encrypted at
 * rest with AES-256-GCM. The key is `TOILE_DATA_KEY` (32 bytes, base64 or hex); `npm start` and
 * `npm run dev` generate one into `.data/data-key` when it is not set, as they do for the session
 * secret. Without a key, nothing personal can be stored: creating a transfer with contact details
 * fails loudly rather than writing them in clear.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { z } from "zod";

export const personalDetailsSchema = z.object({
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** ISO 639-1 code. */
  language: z.string().nullable(),
  accessibilityNeeds: z.string().nullable(),
});
export type PersonalDetails = z.infer<typeof personalDetailsSchema>;

const VERSION = "v1";

export class MissingDataKeyError extends Error {
  constructor() {
    super("TOILE_DATA_KEY n'est pas défini : impossible de chiffrer les coordonnées de la personne.");
  }
}

/** The key from the environment: 32 bytes written as base64 or as 64 hex digits. */
export function dataKey(value = process.env.TOILE_DATA_KEY): Buffer {
  if (!value) throw new MissingDataKeyError();
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (key.length !== 32) throw new Error("TOILE_DATA_KEY doit faire 32 octets (64 chiffres hexadécimaux ou base64).");
  return key;
}

/** "v1.<iv>.<tag>.<ciphertext>", all base64url. */
export function encryptPersonalDetails(details: PersonalDetails, key: Buffer = dataKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(details), "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** The details, or an error when the text was altered or the key is not the one that wrote it. */
export function decryptPersonalDetails(stored: string, key: Buffer = dataKey()): PersonalDetails {
  const [version, iv, tag, ciphertext] = stored.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error("Données chiffrées illisibles.");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  const json = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  return personalDetailsSchema.parse(JSON.parse(json));
}

/** A new key, for `.data/data-key` and for tests. */
export const newDataKey = () => randomBytes(32).toString("base64");
