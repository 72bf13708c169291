import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function ManageLoading() {
  return <PageSkeleton />;
}
