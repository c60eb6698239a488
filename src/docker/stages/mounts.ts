/**
 * A `RUN --mount=…` value as BuildKit reads it in step 1 of the stage builder (build-stages.ts):
 * only its `from` and target matter here, and a `from` may not be expanded.
 */

/** Fields of a `--mount` value: comma-separated, a field may be double-quoted (`""` is a quote). */
function csvFields(value: string): string[] | null {
	const fields: string[] = [];
	let i = 0;
	for (;;) {
		let field = "";
		if (value[i] === '"') {
			for (i++; ; i++) {
				if (i >= value.length) return null;
				if (value[i] === '"') {
					if (value[i + 1] === '"') {
						field += '"';
						i++;
						continue;
					}
					i++;
					break;
				}
				field += value[i];
			}
			if (i < value.length && value[i] !== ",") return null;
		} else {
			const end = value.indexOf(",", i);
			field = value.slice(i, end < 0 ? value.length : end);
			if (field.includes('"')) return null;
			i = end < 0 ? value.length : end;
		}
		fields.push(field);
		if (i >= value.length) return fields;
		i++; // the comma
	}
}

/** One `--mount`: its `from` (null for none) and target, as BuildKit reads them before expansion. */
export function readMount(value: string): { from: string | null; target: string } | string {
	if (!value.includes('"')) return readPlainMount(value);
	const fields = csvFields(value);
	if (fields === null) return `failed to parse csv mounts: ${value}`;
	let from: string | null = null;
	let target = "";
	for (const field of fields) {
		const eq = field.indexOf("=");
		if (eq < 0) continue;
		const key = field.slice(0, eq).toLowerCase();
		const v = field.slice(eq + 1);
		if (key === "from") {
			const dollar = v.indexOf("$");
			if (dollar >= 0 && dollar !== v.length - 1) return "'from' doesn't support variable expansion, define alias stage instead";
			from = v;
		} else if (key === "target" || key === "dst" || key === "destination") {
			target = v;
		}
	}
	return { from, target };
}

/** `readMount` for a value without quotes (the usual case): the fields are read in place. */
function readPlainMount(value: string): { from: string | null; target: string } | string {
	let from: string | null = null;
	let target = "";
	for (let i = 0; ;) {
		const comma = value.indexOf(",", i);
		const end = comma < 0 ? value.length : comma;
		const eq = value.indexOf("=", i);
		if (eq >= 0 && eq < end) {
			const key = value.slice(i, eq).toLowerCase();
			if (key === "from") {
				const v = value.slice(eq + 1, end);
				const dollar = v.indexOf("$");
				if (dollar >= 0 && dollar !== v.length - 1) return "'from' doesn't support variable expansion, define alias stage instead";
				from = v;
			} else if (key === "target" || key === "dst" || key === "destination") target = value.slice(eq + 1, end);
		}
		if (comma < 0) return { from, target };
		i = comma + 1;
	}
}
