import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { requirePageRole } from "@/lib/auth/page";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requirePageRole("admin", "/admin");
  return (
    <>
      <AdminNav />
      {children}
    </>
  );
}
