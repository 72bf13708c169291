// Signing secrets: made here, shown once, kept encrypted. Signing needs the secret itself (an HMAC
// key), so it cannot be stored hashed; it is stored encrypted with AES-256-GCM under a key derived
// from AUTH_SECRET (HKDF-SHA256), so a copy of the database alone does not reveal it. Changing
// AUTH_SECRET makes the stored secrets unreadable: their deliveries then fail with an error saying
// so, until a manager rotates each endpoint's secret.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

const PREFIX = "whsec_";
const SECRET_BYTES = 32;
const VERSION = "v1";

/** A new secret in the Standard Webhooks format: `whsec_` and the base64 of 32 random bytes. */
export function generateWebhookSecret(): string {
  return PREFIX + randomBytes(SECRET_BYTES).toString("base64");
}

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), "slotwise", "webhook-signing-secret", 32));
}

/** `v1.<iv>.<tag>.<ciphertext>`, each base64url. */
export function encryptWebhookSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

export class UnreadableSecretError extends Error {
  constructor() {
    super("The endpoint's secret cannot be decrypted (was AUTH_SECRET changed?); rotate the secret.");
  }
}

export function decryptWebhookSecret(stored: string): string {
  const [version, iv, tag, ciphertext] = stored.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new UnreadableSecretError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new UnreadableSecretError();
  }
}
