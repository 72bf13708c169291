/** next-intl reads dots as nesting: "appointment.created" is the key "appointment_created". */
export const eventKey = (event: string) => event.replace(".", "_");
