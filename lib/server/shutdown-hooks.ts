// What the app must release when the server stops (the database, Redis): the app registers it from
// its own bundle (instrumentation.ts) and the server runs it, so the list lives on globalThis, the
// one object both see.
type Hook = () => Promise<unknown> | unknown;
const KEY = Symbol.for("slotwise.shutdownHooks");
const store = globalThis as unknown as Record<symbol, Hook[] | undefined>;

export function onShutdown(hook: Hook) {
  store[KEY] ??= [];
  store[KEY].push(hook);
}

/** Runs every hook, each bounded by `timeoutMs`; a hook that fails is logged and the rest still run. */
export async function runShutdownHooks(timeoutMs: number) {
  const hooks = store[KEY]?.splice(0) ?? [];
  await Promise.all(
    hooks.map(async (hook) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      });
      try {
        await Promise.race([hook(), late]);
      } catch (err) {
        console.error("shutdown step failed:", err);
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}
