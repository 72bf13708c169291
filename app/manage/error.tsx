"use client";

import { SegmentError } from "@/components/ui/segment-error";

export default function ManageError({ error, reset }: { error: Error; reset: () => void }) {
  return <SegmentError error={error} retry={reset} />;
}
