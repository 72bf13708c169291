"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/lib/api-client";
import { queryKeys } from "@/components/query-keys";
import type { Location } from "@/lib/contract";

/**
 * The IANA zone of a location, which an appointment's JSON names only by id. Cached for the tab's
 * life: one request per location however many appointments are there.
 */
export function useLocationZone(locationId: string | undefined, initial?: string): string | undefined {
  const location = useQuery({
    queryKey: queryKeys.location(locationId),
    queryFn: ({ signal }) => apiFetch<Location>(`/locations/${locationId}`, { signal }),
    enabled: Boolean(locationId),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return location.data?.timezone ?? initial;
}
