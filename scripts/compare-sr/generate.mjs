// The `generate` command: writes the seeded synthetic notes of bench/vault-generator.ts into a folder.
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { bundle } from "./bundle.mjs";
import { fail } from "./options.mjs";

export async function generate(options) {
	const [dir] = options.paths;
	if (!dir) fail("generate needs a folder");
	const work = mkdtempSync(join(tmpdir(), "compare-sr-"));
	try {
		const generator = await bundle("bench/vault-generator.ts", work, "vault-generator.cjs");
		createRequire(import.meta.url)(generator).generateVault(resolve(dir), { notes: options.notes, cardsPerNote: 12, seed: options.seed });
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}
