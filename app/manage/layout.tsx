import type { ReactNode } from "react";
import { ManageNav } from "@/components/manage/manage-nav";
import { requirePageRole } from "@/lib/auth/page";

export default async function ManageLayout({ children }: { children: ReactNode }) {
  await requirePageRole("manager", "/manage");
  return (
    <>
      <ManageNav />
      {children}
    </>
  );
}
