import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
	resolve: {
		// The `obsidian` package ships only types; tests run against our own small mock.
		alias: { obsidian: fileURLToPath(new URL("./tests/mocks/obsidian.ts", import.meta.url)) },
	},
	test: {
		include: ["tests/**/*.test.ts"],
		environment: "node",
		pool: "threads",
		maxWorkers: 2,
		testTimeout: 20000,
	},
});
