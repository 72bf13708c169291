"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { apiFetch, query } from "@/components/lib/api-client";
import { type CatalogResource, queryKeys } from "@/components/query-keys";
import { useApiErrorText } from "@/components/ui/api-error-text";

/** One page of up to 200 items of a collection; managers see inactive workers and services too. */
export function useItems<T>(resource: CatalogResource, params: Record<string, string | undefined> = {}) {
  const search = query({ limit: 200, ...params });
  return useQuery({
    queryKey: queryKeys.catalog.list(resource, params),
    queryFn: ({ signal }) => apiFetch<{ items: T[] }>(`/${resource}${search}`, { signal }).then((r) => r.items),
  });
}

/** POST (no id) or PATCH (id) of a collection's record; refreshes its lists and says so in a toast. */
export function useSaveRecord<T>(resource: CatalogResource, id?: string) {
  const client = useQueryClient();
  const t = useTranslations("manage.saved");
  const errorText = useApiErrorText();
  return useMutation({
    mutationFn: (body: unknown) =>
      apiFetch<T>(id ? `/${resource}/${id}` : `/${resource}`, { method: id ? "PATCH" : "POST", body }),
    onSuccess: () => {
      toast.success(t(id ? "updated" : "created"));
      return client.invalidateQueries({ queryKey: queryKeys.catalog.all(resource) });
    },
    onError: (err) => toast.error(errorText(err)),
  });
}

export function useDeleteRecord(resource: CatalogResource) {
  const client = useQueryClient();
  const t = useTranslations("manage.saved");
  const errorText = useApiErrorText();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/${resource}/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      toast.success(t("deleted"));
      return client.invalidateQueries({ queryKey: queryKeys.catalog.all(resource) });
    },
    onError: (err) => toast.error(errorText(err)),
  });
}
