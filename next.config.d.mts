// Types of next.config.mjs, for the test that checks its security headers.
import type { NextConfig } from "next";

declare const config: NextConfig;
export default config;
