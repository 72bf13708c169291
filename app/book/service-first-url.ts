// The URL of service-first booking on /book: the service and the day live in it, so it works without
// script and survives a sign-in.
export function serviceFirstPath(search: { service: string; date?: string; refused?: string }): string {
  const params = new URLSearchParams({ service: search.service });
  if (search.date) params.set("date", search.date);
  if (search.refused) params.set("refused", search.refused);
  return `/book?${params}`;
}
