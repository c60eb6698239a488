// Builds two bundles from one config: the Obsidian plugin (main.js, CommonJS, Obsidian's
// own modules left external) and the `spaced-notes` command line (dist/spaced-notes.cjs, Node).
import esbuild from "esbuild";
import { builtinModules } from "node:module";
import { optimizerWorker } from "./scripts/optimizer-worker-plugin.mjs";

const production = process.argv[2] === "production";

const pluginExternals = ["obsidian", "electron", "moment", "@codemirror/*", "@lezer/*", ...builtinModules];

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
