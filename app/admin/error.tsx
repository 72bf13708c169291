"use client";

import { SegmentError } from "@/components/ui/segment-error";

export default function AdminError({ error, reset }: { error: Error; reset: () => void }) {
  return <SegmentError error={error} retry={reset} />;
}
