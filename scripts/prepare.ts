// `npm run dev` runs this first: a fresh clone gets an AUTH_SECRET in .env.local.
import { ensureLocalEnv } from "./lib/local-env";
import { loadEnv } from "./lib/run";

loadEnv();
ensureLocalEnv();
