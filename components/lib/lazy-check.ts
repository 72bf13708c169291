// Checking a form in the browser with a shared zod schema, without shipping zod with the page: the
// schema's module is loaded when the form is first focused (or submitted), so the public pages stay
// within their JS budget (e2e/js-budget.spec.ts) and the check still runs before anything is sent.
import type { FormEvent } from "react";

type Status = "idle" | "loading" | "ready" | "failed";

/** A module loaded once, on demand. */
export type LazyModule<M> = {
  preload: () => void;
  ready: () => M | undefined;
  settled: () => boolean;
  load: () => Promise<unknown>;
};

export function lazyModule<M>(importer: () => Promise<M>): LazyModule<M> {
  let status: Status = "idle";
  let loaded: M | undefined;
  let loading: Promise<unknown> | undefined;
  const load = () => {
    if (!loading) {
      status = "loading";
      loading = importer().then(
        (m) => {
          loaded = m;
          status = "ready";
        },
        () => {
          // Without the schema the server's own check answers next to the fields.
          status = "failed";
        },
      );
    }
    return loading;
  };
  return {
    preload: () => void load(),
    ready: () => loaded,
    settled: () => status === "ready" || status === "failed",
    load,
  };
}

/**
 * A form's onSubmit: `valid(module)` checks the fields (and shows what it refuses) with the loaded
 * module, and the submit goes on only when they pass. Before the module is there the submit waits for
 * it, then is made again (by the same button), this time checked at once.
 */
export function submitChecked<M>(event: FormEvent<HTMLFormElement>, lazy: LazyModule<M>, valid: (m: M) => boolean) {
  const loaded = lazy.ready();
  if (loaded) {
    if (!valid(loaded)) event.preventDefault();
    return;
  }
  if (lazy.settled()) return;
  event.preventDefault();
  const form = event.currentTarget;
  const submitter = (event.nativeEvent as SubmitEvent).submitter;
  void lazy.load().then(() => form.requestSubmit(submitter instanceof HTMLElement ? submitter : undefined));
}
