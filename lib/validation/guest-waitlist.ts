// The worker page's guest waitlist form (name, email, optional phone): checked in the browser and by
// the server action with this one schema, the same field rules as the guest booking form.
import { guestFormSchema } from "./guest-booking";

export const guestWaitlistFormSchema = guestFormSchema.pick({ name: true, email: true, phone: true });

/** The fields of the guest waitlist form, in order. */
export const GUEST_WAITLIST_FIELDS = ["name", "email", "phone"] as const;
