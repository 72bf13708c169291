export * from "./appointments";
export * from "./business";
export * from "./catalog";
export * from "./columns";
export * from "./notifications";
export * from "./schedules";
export * from "./system";
export * from "./users";
