import { AppError } from "./app-error";

/** A password-reset or verification token that is unknown, malformed, used or expired: all look alike. */
export const invalidToken = () =>
  new AppError("invalid_token", 400, "The link is invalid, already used or expired. Ask for a new one.");
