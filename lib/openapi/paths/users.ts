import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { itemsOf, userSchema } from "@/lib/contract";
import { idParamsSchema } from "@/lib/validation/common";
import { userCreateSchema, userListQuerySchema, userPatchSchema } from "@/lib/validation/users";
import { describeEndpoint } from "../operation";

const LAST_MANAGER =
  "At least one manager who is not blocked always remains: a change that would leave none answers 409 " +
  "last_manager (two managers demoting each other at once cannot both succeed).";
const AT_ONCE = "It takes effect on the user's very next request, whatever token they hold.";

export function registerUsers(registry: OpenAPIRegistry) {
  describeEndpoint(registry, {
    method: "get",
    path: "/users",
    tag: "Users",
    summary: "List user accounts",
    description:
      "Ordered by name. `q` matches every word in the name or email (any case and script); `role` and " +
      "`blocked` (`true`/`false`) filter.",
    access: "manager",
    query: userListQuerySchema,
    ok: { status: 200, description: "A page of users.", schema: itemsOf(userSchema) },
  });
  describeEndpoint(registry, {
    method: "post",
    path: "/users",
    tag: "Users",
    summary: "Create an account",
    description:
      "Staff (admin, manager) or a client account. A client account gets a client record of its own at once, as " +
      "registering would; a record the desk made with the same email is linked only by `POST /clients/{id}/link-user`. " +
      "Audited.",
    access: "manager",
    body: userCreateSchema,
    ok: { status: 201, description: "The new user.", schema: userSchema },
    errors: ["already_exists"],
  });
  describeEndpoint(registry, {
    method: "get",
    path: "/users/{id}",
    tag: "Users",
    summary: "Get a user account",
    access: "manager",
    params: idParamsSchema,
    ok: { status: 200, description: "The user.", schema: userSchema },
    errors: ["not_found"],
  });
  describeEndpoint(registry, {
    method: "patch",
    path: "/users/{id}",
    tag: "Users",
    summary: "Change a user's profile or role",
    description:
      "Name, gender, birth date, phone and role; any other field (email, password, blocked) is refused with 400. " +
      `A role change is audited. ${AT_ONCE} ${LAST_MANAGER}`,
    access: "manager",
    params: idParamsSchema,
    body: userPatchSchema,
    ok: { status: 200, description: "The changed user.", schema: userSchema },
    errors: ["not_found", "last_manager"],
  });
  describeEndpoint(registry, {
    method: "post",
    path: "/users/{id}/block",
    tag: "Users",
    summary: "Block a user",
    description:
      "Revokes every session and token the user holds; their requests answer 403 account_blocked. " +
      `Blocking a blocked user changes nothing. Audited. ${LAST_MANAGER}`,
    access: "manager",
    params: idParamsSchema,
    ok: { status: 200, description: "The blocked user.", schema: userSchema },
    errors: ["not_found", "last_manager"],
  });
  describeEndpoint(registry, {
    method: "post",
    path: "/users/{id}/unblock",
    tag: "Users",
    summary: "Unblock a user",
    description: "The user signs in afresh (tokens revoked by the block stay revoked). Audited.",
    access: "manager",
    params: idParamsSchema,
    ok: { status: 200, description: "The unblocked user.", schema: userSchema },
    errors: ["not_found"],
  });
}
