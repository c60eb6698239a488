// Builds two bundles from one config: the Obsidian plugin (main.js, CommonJS, Obsidian's
// own modules left external) and the `spaced-notes` command line (dist/spaced-notes.cjs, Node).
import esbuild from "esbuild";
import { builtinModules } from "node:module";

const production = process.argv[2] === "production";

const pluginExternals = ["obsidian", "electron", "moment", "@codemirror/*", "@lezer/*", ...builtinModules];

/**
 * The optimizer's Web Worker (src/optimize/worker-entry.ts), bundled on its own and inlined into
 * main.js as a string (`spaced-notes:optimizer-worker`): the plugin ships as main.js alone, and
 * the worker runs from a Blob URL only when the user asks for an optimization.
 */
const optimizerWorker = {
	name: "optimizer-worker",
	setup(build) {
		build.onResolve({ filter: /^spaced-notes:optimizer-worker$/ }, (args) => ({ path: args.path, namespace: "optimizer-worker" }));
		build.onLoad({ filter: /.*/, namespace: "optimizer-worker" }, async () => {
			const worker = await esbuild.build({
				entryPoints: ["src/optimize/worker-entry.ts"],
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

/** @type {import('esbuild').BuildOptions} */
const plugin = {
	entryPoints: ["src/main.ts"],
	bundle: true,
	format: "cjs",
	platform: "browser",
	target: "es2021",
	external: pluginExternals,
	outfile: "main.js",
	logLevel: "info",
	sourcemap: production ? false : "inline",
	treeShaking: true,
	minify: production,
	plugins: [optimizerWorker],
};

/** @type {import('esbuild').BuildOptions} */
const cli = {
	entryPoints: ["src/cli/main.ts"],
	bundle: true,
	format: "cjs",
	platform: "node",
	target: "node20",
	outfile: "dist/spaced-notes.cjs",
	banner: { js: "#!/usr/bin/env node" },
	logLevel: "info",
	sourcemap: false,
};

if (production) {
	await Promise.all([esbuild.build(plugin), esbuild.build(cli)]);
} else {
	const contexts = await Promise.all([esbuild.context(plugin), esbuild.context(cli)]);
	await Promise.all(contexts.map((c) => c.watch()));
}
