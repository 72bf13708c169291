// swagger-ui-dist ships no types for its Node helper: it returns the folder holding the UI's files.
declare module "swagger-ui-dist/absolute-path.js" {
  export default function getAbsoluteFSPath(): string;
}
