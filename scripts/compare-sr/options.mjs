// The command line's options (docs/compatibility.md lists them), and how the script stops on a wrong one.

export function fail(message) {
	console.error(`compare-sr: ${message}`);
	process.exit(2);
}

export function parseArgs(argv) {
	const options = {
		srParser: process.env.SR_PARSER ?? "",
		srSettings: "",
		now: "",
		baseline: "",
		written: "",
		examples: 3,
		json: false,
		paths: [],
		notes: 200,
		seed: 1,
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => {
			if (i + 1 >= argv.length) fail(`${arg} needs a value`);
			return argv[++i];
		};
		if (arg === "--sr-parser") options.srParser = value();
		else if (arg === "--sr-settings") options.srSettings = value();
		else if (arg === "--now") options.now = value();
		else if (arg === "--baseline") options.baseline = value();
		else if (arg === "--written") options.written = value();
		else if (arg === "--examples") options.examples = Number(value());
		else if (arg === "--notes") options.notes = Number(value());
		else if (arg === "--seed") options.seed = Number(value());
		else if (arg === "--json") options.json = true;
		else if (arg.startsWith("--")) fail(`unknown option ${arg}`);
		else options.paths.push(arg);
	}
	return options;
}
