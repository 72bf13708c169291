"use client";

import { useRouter } from "next/navigation";
import type { Client } from "@/lib/contract";
import { ClientForm } from "./client-form";

/** The client page's form; a saved change re-renders the server part (the name in the heading). */
export function ClientEditor({ client }: { client: Client }) {
  const router = useRouter();
  return <ClientForm item={client} onDone={() => router.refresh()} />;
}
