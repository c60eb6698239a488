// Runs a parser as a child process and reads the JSON it prints (both plugins' parsers print their rows so).
import { execFileSync } from "node:child_process";

// Room for the rows of a large vault (execFileSync keeps 1 MiB by default).
const MAX_BUFFER = 1 << 30;

export function runJson(command, args) {
	const out = execFileSync(command, args, { encoding: "utf8", maxBuffer: MAX_BUFFER, stdio: ["ignore", "pipe", "pipe"] });
	return JSON.parse(out);
}
