// GET and POST /workers/{ref}/calendar-token: a worker's calendar feed.
import { z } from "zod";

export const calendarTokenSchema = z.object({
  token: z.string().describe("The feed's secret."),
  path: z.string().describe("The feed URL to subscribe to, relative to the app's origin, token included."),
});
export type CalendarToken = z.infer<typeof calendarTokenSchema>;
