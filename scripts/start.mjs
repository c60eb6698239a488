// `npm start`: a review session in the terminal over a working copy of the example vault.
// The copy lives in .work/vault (ignored by git) so the tracked example stays untouched;
// delete that folder to start over.
import { cpSync, existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

const source = "examples/vault";
const target = ".work/vault";
if (!existsSync(target)) {
	cpSync(source, target, { recursive: true });
	console.log(`Copied ${source} to ${target} (your reviews are written there).`);
}
const extra = process.argv.slice(2);
const run = spawnSync(process.execPath, ["dist/spaced-notes.cjs", "review", target, ...extra], { stdio: "inherit" });
process.exitCode = run.status ?? 1;
