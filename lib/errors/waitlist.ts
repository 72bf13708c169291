import { AppError } from "./app-error";

/** 409 already_exists: the client already waits for that service, worker (or any) and day. */
export const alreadyWaiting = (entryId: string) =>
  new AppError("already_exists", 409, "You are already on the waitlist for that day.", {
    field: "date",
    id: entryId,
  });
