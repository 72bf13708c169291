"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import type { CatalogResource } from "@/components/query-keys";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { useDeleteRecord, useItems } from "./use-resource";

type Record = { id: string; name: string };

type Props<T extends Record> = {
  resource: CatalogResource;
  /** Message namespace under "manage" with new/edit/empty/list keys. */
  section: string;
  params?: { [key: string]: string | undefined };
  summary: (item: T) => ReactNode;
  /** Extra links or buttons of a row (e.g. the schedule of a worker). */
  actions?: (item: T) => ReactNode;
  form: (props: { item?: T; onDone: () => void }) => ReactNode;
  canDelete?: boolean;
};

/**
 * A manager's list of one kind of record: loading, empty and error states, and a dialog with the
 * record's form for creating and editing. Rows are cards, so they fit a 360 px screen.
 */
export function RecordList<T extends Record>({
  resource,
  section,
  params,
  summary,
  actions,
  form,
  canDelete = true,
}: Props<T>) {
  const t = useTranslations(`manage.${section}`);
  const common = useTranslations("common");
  const list = useItems<T>(resource, params);
  const remove = useDeleteRecord(resource);
  const [editing, setEditing] = useState<T | "new" | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const close = () => setEditing(null);

  return (
    <div className="space-y-4">
      <Button onClick={() => setEditing("new")}>{t("new")}</Button>
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
          {list.data.map((item) => (
            <li
              key={item.id}
              className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:flex-row sm:flex-wrap sm:items-center"
            >
              <div className="min-w-0 sm:flex-1">
                <p className="font-medium break-words">{item.name}</p>
                <div className="text-sm text-slate-600 break-words">{summary(item)}</div>
              </div>
              <div className="flex flex-wrap gap-2">
                {actions?.(item)}
                <Button
                  variant="secondary"
                  onClick={() => setEditing(item)}
                  aria-label={`${common("actions.edit")}: ${item.name}`}
                >
                  {common("actions.edit")}
                </Button>
                {canDelete &&
                  (confirming === item.id ? (
                    <>
                      <Button
                        variant="danger"
                        pending={remove.isPending}
                        onClick={() => remove.mutate(item.id, { onSettled: () => setConfirming(null) })}
                      >
                        {common("actions.confirmDelete")}
                      </Button>
                      <Button variant="ghost" onClick={() => setConfirming(null)}>
                        {common("actions.cancel")}
                      </Button>
                    </>
                  ) : (
                    <Button
                      variant="ghost"
                      onClick={() => setConfirming(item.id)}
                      aria-label={`${common("actions.delete")}: ${item.name}`}
                    >
                      {common("actions.delete")}
                    </Button>
                  ))}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Dialog
        open={editing !== null}
        onClose={close}
        title={editing === "new" ? t("new") : t("edit")}
        closeLabel={common("actions.close")}
      >
        {editing !== null && form({ item: editing === "new" ? undefined : editing, onDone: close })}
      </Dialog>
    </div>
  );
}
