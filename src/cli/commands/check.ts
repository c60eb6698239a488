/** `spaced-notes check PATH… [--json]`: problems in cards and comments; exit 1 when any. */
import { jsonText } from "../terminal-text";
import { parseNote } from "../../cards/parse";
import type { NoteProblem, ProblemCode } from "../../model/card";
import { hasFlag, parseArgs } from "../args";
import { scheduleProblems } from "../../schedule/schedule-problems";
import { applyCommonFlags, COMMON_VALUED_FLAGS, resolveNow } from "../common";
import { EXIT_OK, EXIT_PROBLEMS, type Command } from "../io";
import { loadVault, readNote } from "../vault";

interface ProblemJson {
	file: string;
	/** 1-based line. */
	line: number;
	code: ProblemCode;
	message: string;
}

const NOT_UTF8: NoteProblem = {
	code: "not-utf8",
	line: 0,
	message: "The note is not valid UTF-8 text; its cards are read with replacement characters and the review never writes it.",
};

export const checkCommand: Command = (argv, io) => {
	const args = parseArgs(argv, ["json"], [...COMMON_VALUED_FLAGS]);
	const vault = loadVault(args.positional, io.cwd, (line) => io.stderr(`${line}\n`));
	const settings = applyCommonFlags(vault.settings, args);
	const now = resolveNow(args);
	const problems: ProblemJson[] = [];
	for (const file of vault.files) {
		const { text, utf8 } = readNote(file);
		const note = parseNote(text, { path: file.vaultPath, settings });
		const found = [...(utf8 ? [] : [NOT_UTF8]), ...note.problems, ...scheduleProblems(note.cards, now)].sort((a, b) => a.line - b.line);
		for (const problem of found) {
			problems.push({ file: file.display, line: problem.line + 1, code: problem.code, message: problem.message });
		}
	}
	for (const link of vault.skippedLinks) {
		const outside = link.reason !== "broken";
		problems.push({
			file: link.display,
			line: 1,
			code: outside ? "link-outside-vault" : "broken-link",
			message: outside
				? `This is a link to a ${link.reason === "outside-folder" ? "folder" : "file"} outside the vault, so its notes are not read.`
				: "This is a link to nothing, so it is not read.",
		});
	}
	if (hasFlag(args, "json")) {
		io.stdout(jsonText(problems) + "\n");
	} else {
		for (const p of problems) io.stdout(`${p.file}:${p.line}: ${p.code}: ${p.message}\n`);
		io.stdout(problems.length === 0 ? `no problems in ${vault.files.length} notes\n` : `${problems.length} problem${problems.length === 1 ? "" : "s"}\n`);
	}
	return Promise.resolve(problems.length > 0 ? EXIT_PROBLEMS : EXIT_OK);
};
