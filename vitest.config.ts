import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
	resolve: {
		// The `obsidian` package ships only types; tests run against our own small mock.
		alias: {
			obsidian: fileURLToPath(new URL("./tests/mocks/obsidian.ts", import.meta.url)),
			// The optimizer worker's code is inlined by the plugin's build (esbuild.config.mjs).
			"spaced-notes:optimizer-worker": fileURLToPath(new URL("./tests/mocks/optimizer-worker-source.ts", import.meta.url)),
		},
	},
	test: {
		include: ["tests/**/*.test.ts"],
		setupFiles: ["tests/setup/fast-check-seed.ts"],
		environment: "node",
		// Forks, not threads: a worker thread ignores runtime changes of process.env.TZ, which the
		// scheduling tests use to check local days in several time zones.
		pool: "forks",
		maxWorkers: 2,
		// Generous: some tests spawn the command line many times and run long on a busy machine.
		testTimeout: 60000,
	},
});
