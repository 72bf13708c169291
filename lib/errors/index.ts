// The one home of the API's errors (STYLE.md 6): AppError, every builder of one, and the walk over
// an error's causes. Only an AppError's message reaches a caller; anything else is a logged 500.

export * from "./accounts";
export * from "./app-error";
export * from "./booking";
export * from "./cause";
export * from "./records";
export * from "./request";
export * from "./uploads";
export * from "./waitlist";
