// Types of next.config.mjs, for the test that checks it leaves the security headers to our server.
import type { NextConfig } from "next";

declare const config: NextConfig;
export default config;
