import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { accountOkSchema, meSchema, resendVerificationSchema, tokenSchema, userSchema } from "@/lib/contract";
import { passwordResetConfirmSchema, passwordResetRequestSchema, verifyEmailSchema } from "@/lib/validation/accounts";
import { credentialsSchema, registerSchema } from "@/lib/validation/auth";
import { describeEndpoint } from "../operation";

const LIMITS =
  "Limited per client IP (shared with register and the browser sign-in) and per account: each email gets " +
  "5 password checks in 15 minutes, counted atomically before the password is checked (a right password " +
  "gives them back), so however many tries arrive at once the 6th answers 429 with Retry-After until that " +
  "window ends. With REDIS_URL the count lives in Redis only: while Redis cannot be reached, sign-in " +
  "answers 503 `unavailable` with Retry-After rather than count afresh.";

export function registerAuth(registry: OpenAPIRegistry) {
  describeEndpoint(registry, {
    method: "post",
    path: "/auth/token",
    tag: "Auth",
    summary: "Get a bearer token",
    description: `Send \`Authorization: Bearer <accessToken>\` afterwards. ${LIMITS}`,
    access: "anyone",
    body: credentialsSchema,
    ok: { status: 200, description: "A token for the user.", schema: tokenSchema },
    errors: ["invalid_credentials"],
  });
  describeEndpoint(registry, {
    method: "post",
    path: "/auth/register",
    tag: "Auth",
    summary: "Register a client account",
    description:
      "Passwords: at least 8 characters. Limited per client IP. Emails a link to verify the address " +
      "(POST /auth/verify-email).",
    access: "anyone",
    body: registerSchema,
    ok: { status: 201, description: "The new client user.", schema: z.object({ user: userSchema }) },
    errors: ["already_exists"],
  });
  describeEndpoint(registry, {
    method: "get",
    path: "/me",
    tag: "Auth",
    summary: "The signed-in user",
    access: "client",
    ok: {
      status: 200,
      description: "The caller's user record, and `emailVerified`: whether its email address is verified.",
      schema: meSchema,
    },
    errors: ["not_found"],
  });
  registerAccounts(registry);
}

const TOKEN_RULES =
  "Tokens come from an emailed link (in its fragment, `#token=…`, which browsers never send to a server). " +
  "They are 32 random bytes (43 base64url characters), stored hashed, valid for 1 hour and for one use: " +
  "an unknown, malformed, used or expired token answers 400 `invalid_token`, all alike.";

function registerAccounts(registry: OpenAPIRegistry) {
  describeEndpoint(registry, {
    method: "post",
    path: "/auth/password-reset",
    tag: "Auth",
    summary: "Ask for a password-reset link",
    description:
      "Answers 202 with the same body, and does the same work, whether or not the address has an account: " +
      "the lookup happens afterwards, in a job, which emails a one-time link valid for 1 hour to an account " +
      "that is not blocked. Limited per client IP (429, shared with sign-in and register, and at most 20 " +
      "requests an hour) and per address (at most 3 links an hour; beyond that the answer is still 202 and " +
      "nothing more is sent).",
    access: "anyone",
    body: passwordResetRequestSchema,
    ok: {
      status: 202,
      description: "Accepted; a link is on its way if the address is registered.",
      schema: accountOkSchema,
    },
  });
  describeEndpoint(registry, {
    method: "post",
    path: "/auth/password-reset/confirm",
    tag: "Auth",
    summary: "Set a new password with a reset token",
    description:
      `${TOKEN_RULES} The password follows registration's rules. Ends every session and bearer token of the ` +
      "user (and spends their other unused tokens); the address counts as verified, since the link reached it. " +
      "Limited per client IP.",
    access: "anyone",
    body: passwordResetConfirmSchema,
    ok: { status: 200, description: "The password is changed; sign in with it.", schema: accountOkSchema },
    errors: ["invalid_token"],
  });
  describeEndpoint(registry, {
    method: "post",
    path: "/auth/verify-email",
    tag: "Auth",
    summary: "Verify the account's email address",
    description:
      `${TOKEN_RULES} Registration emails the link. The address is verified only if it is still the ` +
      "account's. Only then may the desk link a client record with the same email to the account. Limited per client IP.",
    access: "anyone",
    body: verifyEmailSchema,
    ok: { status: 200, description: "The address is verified (`emailVerified` in GET /me).", schema: accountOkSchema },
    errors: ["invalid_token"],
  });
  describeEndpoint(registry, {
    method: "post",
    path: "/auth/verify-email/resend",
    tag: "Auth",
    summary: "Email a new verification link",
    description:
      "An extension: sends the caller a fresh verification link, unless the address is verified already. " +
      "At most 3 an hour per user (then 429), and limited per client IP.",
    access: "client",
    ok: { status: 200, description: "Whether a link was sent.", schema: resendVerificationSchema },
  });
}
