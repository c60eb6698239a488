// Stands in for the optimizer worker's bundled code (esbuild.config.mjs inlines the real one);
// tests drive the worker's protocol directly (tests/optimize/worker-protocol.test.ts).
export default "";
