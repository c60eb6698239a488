/**
 * A small reading of a RUN command's shell text, enough for the hadolint rules: the simple
 * commands it runs (split at `&&`, `||`, `;`, `|`, `&` and new lines, quotes respected, leading
 * `VAR=value` assignments and shell keywords skipped) and whether it has a pipe. Command
 * substitutions stay inside their word. This is no shell parser; it errs towards finding fewer
 * commands, never towards inventing them.
 */

export interface ShellCommand {
	/** The program as written (`apt-get`, `/usr/bin/pip3`). */
	name: string;
	/** Every word after the name, quotes removed. */
	args: string[];
	/** Flag names: `--no-cache` gives `no-cache`, `-qy` gives `q` and `y` (none after `--`). */
	flags: string[];
}

export interface ShellScript {
	commands: ShellCommand[];
	hasPipe: boolean;
}

const KEYWORDS = new Set([
	"if",
	"then",
	"else",
	"elif",
	"fi",
	"do",
	"done",
	"while",
	"until",
	"for",
	"in",
	"case",
	"esac",
	"!",
	"{",
	"}",
	"(",
	")",
	"time",
	"exec",
]);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Splits shell text into words and separators. */
function tokens(text: string): { words: string[][]; hasPipe: boolean } {
	const commands: string[][] = [[]];
	let hasPipe = false;
	let word = "";
	let inWord = false;
	let depth = 0; // inside $( … ) or ` … `
	const endWord = () => {
		if (inWord) commands[commands.length - 1].push(word);
		word = "";
		inWord = false;
	};
	const endCommand = () => {
		endWord();
		if (commands[commands.length - 1].length > 0) commands.push([]);
	};
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === "\\") {
			if (i + 1 < text.length && text[i + 1] !== "\n") word += text[i + 1];
			i++;
			inWord = true;
		} else if (c === "'") {
			const end = text.indexOf("'", i + 1);
			word += text.slice(i + 1, end < 0 ? text.length : end);
			i = end < 0 ? text.length : end;
			inWord = true;
		} else if (c === '"') {
			let j = i + 1;
			for (; j < text.length && text[j] !== '"'; j++) {
				if (text[j] === "\\" && j + 1 < text.length) j++;
				word += text[j];
			}
			i = j;
			inWord = true;
		} else if (c === "$" && text[i + 1] === "(") {
			depth++;
			word += "$(";
			i++;
			inWord = true;
		} else if (depth > 0) {
			if (c === ")") depth--;
			word += c;
		} else if (c === " " || c === "\t") endWord();
		else if (c === "#" && !inWord) {
			const nl = text.indexOf("\n", i);
			i = nl < 0 ? text.length : nl - 1;
		} else if (c === "\n" || c === ";" || c === "&" || c === "|" || c === "(" || c === ")") {
			if (c === "|" && text[i + 1] !== "|" && text[i - 1] !== "|") hasPipe = true;
			endCommand();
		} else {
			word += c;
			inWord = true;
		}
	}
	endCommand();
	return { words: commands.filter((c) => c.length > 0), hasPipe };
}

function flagsOf(args: readonly string[]): string[] {
	const flags: string[] = [];
	for (const a of args) {
		if (a === "--") break;
		if (a.startsWith("--")) flags.push(a.slice(2).split("=")[0]);
		else if (a.startsWith("-") && a.length > 1) for (const ch of a.slice(1)) flags.push(ch);
	}
	return flags;
}

/** The commands of a RUN's shell text. */
export function readShell(text: string): ShellScript {
	const { words, hasPipe } = tokens(text);
	const commands: ShellCommand[] = [];
	for (const w of words) {
		if (w[0] === "for" || w[0] === "case" || w[0] === "select") continue; // the loop's words are no command
		let k = 0;
		while (k < w.length && (KEYWORDS.has(w[k]) || ASSIGNMENT.test(w[k]))) k++;
		if (k >= w.length) continue;
		const args = w.slice(k + 1);
		commands.push({ name: w[k], args, flags: flagsOf(args) });
	}
	return { commands, hasPipe };
}

/** The command's arguments that are not flags, without the value after any of `valueFlags`. */
export function argsWithoutFlags(cmd: ShellCommand, valueFlags: readonly string[]): string[] {
	const out: string[] = [];
	for (let i = 0; i < cmd.args.length; i++) {
		const a = cmd.args[i];
		if (a.startsWith("-") && a.length > 1) {
			const name = a.replace(/^--?/, "");
			if (!name.includes("=") && valueFlags.includes(name)) i++;
			continue;
		}
		out.push(a);
	}
	return out;
}

/** `apt-get … install …`: the program by name and one of the words among its arguments. */
export function runs(cmd: ShellCommand, name: string, arg: string): boolean {
	return cmd.name === name && cmd.args.includes(arg);
}
