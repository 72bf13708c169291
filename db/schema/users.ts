import { sql } from "drizzle-orm";
import { boolean, check, date, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, GENDERS, id, instant, updatedAt } from "./columns";

// A worker is a specialist whose account is linked to a worker record (workers.user_id).
export const ROLES = ["client", "worker", "admin", "manager"] as const;
export type Role = (typeof ROLES)[number];

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull().default("client"),
    gender: text("gender", { enum: GENDERS }),
    birthDate: date("birth_date", { mode: "string" }),
    phone: text("phone"),
    blocked: boolean("blocked").notNull().default(false),
    // Bumped to revoke every session and bearer token the user holds.
    sessionVersion: integer("session_version").notNull().default(1),
    // The language the user chose in the app ("en" | "ru"), for the messages sent to them; null
    // until they choose.
    locale: text("locale"),
    // When the user proved they read mail at `email` (lib/accounts/verify-email.ts); null until then.
    // Staff accounts that existed before verification came (drizzle/0013) count as verified.
    emailVerifiedAt: instant("email_verified_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    check("users_role_check", sql`${t.role} in ('client', 'worker', 'admin', 'manager')`),
    check("users_gender_check", sql`${t.gender} in ('female', 'male', 'other')`),
    check("users_locale_check", sql`${t.locale} in ('en', 'ru')`),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
