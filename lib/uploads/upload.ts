// POST /uploads: a manager's image for a service, a worker or the business logo, received, checked
// and re-encoded here, then stored under its content hash.
import type { Upload } from "@/lib/contract";
import { reencodeImage } from "./image";
import { uploadPath } from "./names";
import { receiveUpload } from "./receive";
import { storeUpload } from "./store";

export async function uploadImage(req: Request): Promise<Upload> {
  const bytes = await receiveUpload(req);
  const { data, extension } = await reencodeImage(bytes);
  const name = await storeUpload(data, extension);
  return { url: uploadPath(name) };
}
