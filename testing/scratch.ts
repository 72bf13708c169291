import { existsSync } from "node:fs";
import { tmpdir } from "node:os";

/** Where test databases live: memory-backed /dev/shm where there is one, so no test waits on fsync. */
export const scratchRoot = () => (existsSync("/dev/shm") ? "/dev/shm" : tmpdir());
