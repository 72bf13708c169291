import { serveUpload } from "@/lib/uploads/serve";

// GET /uploads/<sha256>.webp: an image POST /api/v1/uploads stored.
export async function GET(_req: Request, { params }: { params: Promise<{ name: string }> }) {
  return serveUpload((await params).name, _req.headers.get("if-none-match"));
}
