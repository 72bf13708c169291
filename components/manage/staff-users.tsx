"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { apiFetch } from "@/components/lib/api-client";
import { queryKeys } from "@/components/query-keys";
import { useApiErrorText } from "@/components/ui/api-error-text";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import type { Role } from "@/lib/auth/roles";
import type { User } from "@/lib/contract";
import { userCreateSchema, userPatchSchema } from "@/lib/validation/users";
import { FormActions, FormGrid, text } from "./form-bits";
import { useRecordForm } from "./use-record-form";
import { useItems } from "./use-resource";

const ROLES: Role[] = ["client", "worker", "admin", "manager"];

/**
 * Staff accounts: create one with a role, change roles, block and unblock, each change confirmed
 * first. `selfId` is the signed-in manager: their own row has no Block button.
 */
export function StaffUsers({ selfId }: { selfId: string }) {
  const t = useTranslations("manage.staff");
  const common = useTranslations("common");
  const [role, setRole] = useState("");
  const list = useItems<User>("users", { role: role || undefined });
  const [creating, setCreating] = useState(false);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <Field label={t("filter")}>
          <select
            value={role}
            onChange={(e) => setRole(e.target.value)}
            className={`${inputClass} max-w-full sm:w-auto`}
          >
            <option value="">{t("allRoles")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Button onClick={() => setCreating(true)}>{t("new")}</Button>
      </div>
      {list.isPending ? (
        <Skeleton label={common("loading")} />
      ) : list.isError ? (
        <ErrorState
          message={common("states.loadFailed")}
          retryLabel={common("actions.retry")}
          onRetry={() => list.refetch()}
        />
      ) : list.data.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul aria-label={t("list")} className="space-y-2">
          {list.data.map((user) => (
            <UserRow key={user.id} user={user} isSelf={user.id === selfId} />
          ))}
        </ul>
      )}
      <Dialog open={creating} onClose={() => setCreating(false)} title={t("new")} closeLabel={common("actions.close")}>
        <StaffForm onDone={() => setCreating(false)} />
      </Dialog>
    </div>
  );
}

type Change = { role: Role } | "block" | "unblock";

function UserRow({ user, isSelf }: { user: User; isSelf: boolean }) {
  const t = useTranslations("manage.staff");
  const ask = useTranslations("people.staff");
  const errorText = useApiErrorText();
  const client = useQueryClient();
  // The change waiting for the manager's "yes".
  const [pending, setPending] = useState<Change | null>(null);
  const change = useMutation({
    mutationFn: (action: Change) =>
      typeof action === "string"
        ? apiFetch<User>(`/users/${user.id}/${action}`, { method: "POST" })
        : apiFetch<User>(`/users/${user.id}`, { method: "PATCH", body: action }),
    onSuccess: (updated) => {
      toast.success(updated.blocked ? t("blocked") : t("saved"));
      return client.invalidateQueries({ queryKey: queryKeys.catalog.all("users") });
    },
    onError: (err) => toast.error(errorText(err)),
    onSettled: () => setPending(null),
  });
  const name = user.name;
  const question =
    pending === null
      ? null
      : typeof pending === "string"
        ? {
            title: ask(`${pending}Title`, { name }),
            text: ask(`${pending}Text`, { name }),
            confirm: ask(pending === "block" ? "confirmBlock" : "confirmUnblock"),
          }
        : {
            title: ask("roleTitle", { name }),
            text: ask("roleText", { name, role: t(`roles.${pending.role}`) }),
            confirm: ask("confirmRole"),
          };
  return (
    <li className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:flex-row sm:flex-wrap sm:items-center">
      <div className="min-w-0 sm:flex-1">
        <p className="font-medium break-words">
          {user.name}
          {isSelf && <span className="ml-2 text-sm font-normal text-slate-600">({ask("you")})</span>}
          {user.blocked && (
            <span className="ml-2 rounded bg-red-100 px-2 py-0.5 text-xs text-red-800">{t("isBlocked")}</span>
          )}
        </p>
        <p className="text-sm [overflow-wrap:anywhere] text-slate-600">{user.email}</p>
      </div>
      <label className="block text-sm">
        <span className="sr-only">{t("roleOf", { name: user.name })}</span>
        <select
          value={user.role}
          disabled={change.isPending}
          onChange={(e) => setPending({ role: e.target.value as Role })}
          className={`${inputClass} w-auto`}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {!isSelf && (
        <Button
          variant={user.blocked ? "secondary" : "danger"}
          pending={change.isPending}
          onClick={() => setPending(user.blocked ? "unblock" : "block")}
          aria-label={`${user.blocked ? t("unblock") : t("block")}: ${user.name}`}
        >
          {user.blocked ? t("unblock") : t("block")}
        </Button>
      )}
      <ConfirmDialog
        open={question !== null}
        title={question?.title ?? ""}
        confirmLabel={question?.confirm ?? ""}
        cancelLabel={ask("keep")}
        pending={change.isPending}
        onConfirm={() => pending && change.mutate(pending)}
        onClose={() => setPending(null)}
      >
        <p className="text-sm">{question?.text}</p>
      </ConfirmDialog>
    </li>
  );
}

function StaffForm({ onDone }: { onDone: () => void }) {
  const t = useTranslations("manage.staff");
  const { errors, submit, pending } = useRecordForm<User>({
    resource: "users",
    section: "staff",
    schemas: { create: userCreateSchema, patch: userPatchSchema },
    onDone,
  });
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    submit({
      name: text(form, "name"),
      email: text(form, "email"),
      password: String(form.get("password") ?? ""),
      role: text(form, "role"),
    });
  }
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <FormGrid>
        <Field label={t("fields.name")} error={errors.name}>
          <input name="name" className={inputClass} autoComplete="off" />
        </Field>
        <Field label={t("fields.email")} error={errors.email}>
          <input name="email" type="email" className={inputClass} autoComplete="off" />
        </Field>
        <Field label={t("fields.password")} hint={t("hints.password")} error={errors.password}>
          <input name="password" type="password" className={inputClass} autoComplete="new-password" />
        </Field>
        <Field label={t("fields.role")} error={errors.role}>
          <select name="role" defaultValue="admin" className={inputClass}>
            <option value="admin">{t("roles.admin")}</option>
            <option value="manager">{t("roles.manager")}</option>
          </select>
        </Field>
      </FormGrid>
      <FormActions pending={pending} onCancel={onDone} />
    </form>
  );
}
