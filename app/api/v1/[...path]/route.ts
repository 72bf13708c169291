import { route } from "@/lib/api/handler";
import { noSuchEndpoint } from "@/lib/errors";

// Unknown API paths answer in the API's error shape rather than with the HTML 404 page.
const notFound = route({}, async () => {
  throw noSuchEndpoint();
});

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
