// How two readings of one sibling's schedule are compared, and why they differ.

function sameNumber(a, b) {
	return a === b || (typeof a === "number" && typeof b === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));
}

export function sameSchedule(a, b) {
	if (!a || !b) return !a && !b;
	if ("stability" in a !== "stability" in b) return false;
	const due = "stability" in a ? Date.parse(a.due) === Date.parse(b.due) : a.due === b.due;
	return due && Object.keys(a).every((key) => key === "due" || sameNumber(a[key], b[key]));
}

export function scheduleReason(theirs, ours) {
	if (sameSchedule(theirs, ours)) return null;
	if (theirs && !ours) return "schedule: it reads a schedule, we read the sibling as new";
	if (!theirs && ours) return "schedule: we read a schedule, it reads the sibling as new";
	if ("stability" in theirs !== "stability" in ours) return "schedule: SM-2 on one side, FSRS on the other";
	return "schedule: values differ";
}
