"use client";

import { useEffect, useState } from "react";

/**
 * The token of an emailed link, which carries it in the fragment (`#token=…`): browsers never send
 * a fragment to a server, so the token stays out of every access log. Read once after the page
 * loads, then dropped from the address bar and the history. Without JavaScript this never runs and
 * the page asks for the code written in the email instead.
 */
export function useLinkToken(): string | null {
  const [token, setToken] = useState<string | null>(null);
  useEffect(() => {
    const found = new URLSearchParams(window.location.hash.slice(1)).get("token");
    if (!found) return;
    setToken(found);
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
  }, []);
  return token;
}
