/** The page a guest lands on once booked (./booked/page.tsx): what was booked, and that the manage link is in their mail. */
export const guestBookedPath = (slot: { worker: string; service: string; start: string }) =>
  `/book/booked?${new URLSearchParams(slot)}`;
