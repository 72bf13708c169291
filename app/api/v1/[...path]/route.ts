import { route } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";

// Unknown API paths answer in the API's error shape rather than with the HTML 404 page.
const notFound = route({}, async () => {
  throw new AppError("not_found", 404, "No such API endpoint.");
});

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
