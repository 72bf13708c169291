// Types of lib/security-headers.mjs, for the TypeScript that imports it.
export declare function contentSecurityPolicy(dev: boolean): string;
export declare function securityHeaders(dev: boolean): { key: string; value: string }[];
