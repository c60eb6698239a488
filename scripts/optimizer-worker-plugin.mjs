// An esbuild plugin: `import source from "spaced-notes:optimizer-worker"` gives the optimizer's
// Web Worker (src/optimize/worker-entry.ts) bundled on its own, as a string. The plugin ships as
// main.js alone, so the worker's code is inlined there and started from a Blob URL only when the
// user asks for an optimization (docs/scheduling.md, "Personal parameters"). Used by
// esbuild.config.mjs and by the tests that bundle the plugin.
import esbuild from "esbuild";
import { fileURLToPath } from "node:url";

const ENTRY = fileURLToPath(new URL("../src/optimize/worker-entry.ts", import.meta.url));

/** @type {import('esbuild').Plugin} */
export const optimizerWorker = {
	name: "optimizer-worker",
	setup(build) {
		build.onResolve({ filter: /^spaced-notes:optimizer-worker$/ }, (args) => ({ path: args.path, namespace: "optimizer-worker" }));
		build.onLoad({ filter: /.*/, namespace: "optimizer-worker" }, async () => {
			const worker = await esbuild.build({
				entryPoints: [ENTRY],
				bundle: true,
				format: "iife",
				platform: "browser",
				target: "es2021",
				minify: true,
				write: false,
				metafile: true,
			});
			return {
				contents: `export default ${JSON.stringify(worker.outputFiles[0].text)};`,
				loader: "js",
				watchFiles: Object.keys(worker.metafile.inputs),
			};
		});
	},
};
