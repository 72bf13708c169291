// The reference app's own (empty) instrumentation hook. Without it, Next.js's build, whose root is the
// repository (its lockfile), takes the app's instrumentation.ts, and the reference would run the
// app's job worker beside the routes it is measured by.
export function register() {}
