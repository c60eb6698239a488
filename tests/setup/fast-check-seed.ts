/**
 * Property tests draw a new seed on every local run, so repeated runs keep looking for new
 * counterexamples. CI (CI=true) uses one fixed seed, so that whether a commit lands does not
 * depend on a draw; `FC_SEED=N` repeats a run exactly. A failure prints its seed either way.
 */
import fc from "fast-check";

const fixed = process.env.FC_SEED ?? (process.env.CI ? "20261202" : undefined);
if (fixed !== undefined && Number.isFinite(Number(fixed))) fc.configureGlobal({ seed: Number(fixed) });
