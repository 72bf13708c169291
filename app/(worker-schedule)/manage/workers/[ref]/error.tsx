"use client";

import { SegmentError } from "@/components/ui/segment-error";

// As app/manage/error.tsx: this page is outside app/manage (see layout.tsx), so it needs its own.
export default function WorkerScheduleError({ error, reset }: { error: Error; reset: () => void }) {
  return <SegmentError error={error} retry={reset} />;
}
