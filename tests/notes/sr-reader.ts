/**
 * How the Spaced Repetition plugin (1.15) reads a note's schedule, written from its source in our
 * own words, for tests. Its rule: Obsidian parses the frontmatter (YAML between the first two `---`
 * lines); the plugin takes each top-level key's value as a string (the first item of a list, a
 * number as its decimal text), and reads a schedule only when `sr-due`, `sr-interval` and `sr-ease`
 * are all non-empty: the due date with moment's formats `YYYY-MM-DD`, `DD-MM-YYYY` or
 * `ddd MMM DD YYYY`, interval and ease with `parseFloat`. Other keys (ours: `sr-fsrs`) it ignores.
 *
 * The YAML here is the subset the schedule keys use: a top-level `key: value` line, the value plain
 * (a trailing ` #` comment dropped), single-quoted (`''` for a quote) or double-quoted.
 */
export interface SrNoteSchedule {
	due: string;
	interval: number;
	ease: number;
}

export function readLikeSr(text: string): SrNoteSchedule | null {
	const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
	if (lines[0].trimEnd() !== "---") return null;
	const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === "---");
	if (close < 0) return null;
	const values = new Map<string, string>();
	for (const line of lines.slice(1, close)) {
		const m = /^([^\s:#][^:]*?)\s*:(?:\s+(.*))?$/.exec(line);
		if (!m || values.has(m[1])) continue;
		values.set(m[1], scalar(m[2] ?? ""));
	}
	const due = values.get("sr-due");
	const interval = values.get("sr-interval");
	const ease = values.get("sr-ease");
	if (!due || !interval || !ease) return null;
	return { due: momentDay(due), interval: Number.parseFloat(interval), ease: Number.parseFloat(ease) };
}

function scalar(raw: string): string {
	const text = raw.trim();
	if (text.startsWith('"')) return text.slice(1, text.lastIndexOf('"')).replace(/\\(.)/g, "$1");
	if (text.startsWith("'")) return text.slice(1, text.lastIndexOf("'")).replace(/''/g, "'");
	const comment = text.search(/\s#/);
	return (comment >= 0 ? text.slice(0, comment) : text).trim();
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The day moment reads from one of the three formats, as `YYYY-MM-DD` ("invalid" when none fits). */
function momentDay(text: string): string {
	const pad = (n: string | number) => String(n).padStart(2, "0");
	let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
	if (m) return `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
	m = /^(\d{1,2})-(\d{1,2})-(\d{4})/.exec(text);
	if (m) return `${m[3]}-${pad(m[2])}-${pad(m[1])}`;
	m = /^\w{3} (\w{3}) (\d{1,2}) (\d{4})/.exec(text);
	if (m && MONTHS.includes(m[1])) return `${m[3]}-${pad(MONTHS.indexOf(m[1]) + 1)}-${pad(m[2])}`;
	return "invalid";
}
