// The names uploaded images are stored and served under: the SHA-256 of the stored bytes, so a name
// never changes meaning (served as immutable) and never holds anything a path could be built from.
// Pure, without Node imports: the validation schemas the browser loads use it too, and so does the
// OpenAPI description (the limits).

/** A stored image's file name: 64 lowercase hex digits and the extension of its format. */
export const UPLOAD_NAME = /^[0-9a-f]{64}\.webp$/;

/** Where POST /uploads serves an image (`/uploads/<name>`), as imageUrl, avatarUrl and logoUrl accept it. */
export const UPLOAD_PATH = /^\/uploads\/[0-9a-f]{64}\.webp$/;

export const uploadPath = (name: string) => `/uploads/${name}`;

/** The Content-Type of each stored extension. */
export const UPLOAD_CONTENT_TYPES: Record<string, string> = { webp: "image/webp" };

/** API.md: one file of at most 5 MB. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** At most 40 megapixels are decoded (8000×5000): a small file declaring more is a decompression bomb. */
export const MAX_INPUT_PIXELS = 40_000_000;

/** Stored images fit within this square. */
export const MAX_SIDE = 1024;

/**
 * The policy an uploaded image is served under (our HTTP server sets it for /uploads/…, in place of
 * the pages' policy): opened on its own it may load or run nothing.
 */
export const UPLOAD_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
