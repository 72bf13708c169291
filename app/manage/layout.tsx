import type { ReactNode } from "react";
import { requirePageRole } from "@/lib/auth/page";

export default async function ManageLayout({ children }: { children: ReactNode }) {
  await requirePageRole("manager", "/manage");
  return children;
}
