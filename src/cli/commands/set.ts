/**
 * `spaced-notes set PATH --filter EXPR|--deck D (--suspend|--unsuspend|--flag N|--unflag|--reset|
 * --forget|--due WHEN) [--dry-run] [--json]` (docs/cli.md, "set"): one card action on every
 * selected sibling, each note written once, atomically, through `DiskNotes`, logged in the
 * review log as the plugin logs it; one line per sibling changed (note:line, sibling, before → after).
 */
import { localDay } from "../../model/days";
import { CardManager, type ActedSibling } from "../../review/card-manager";
import { parseDueSpec, spreadDueDays } from "../../review/due-spec";
import type { CardAction } from "../../writeback/card-actions";
import { flagValue, hasFlag, parseArgs } from "../args";
import { cardFilterFromArgs, selectCardSiblings } from "../card-selection";
import { COMMON_VALUED_FLAGS, resolveNow } from "../common";
import { DiskNotes } from "../disk-notes";
import { EXIT_OK, EXIT_PROBLEMS, UsageError, type Command } from "../io";
import { loadCards, SELECTION_FLAGS } from "../load-index";
import { jsonText } from "../terminal-text";
import { VaultReviewLog } from "../review-log";
import { warnSkippedLinks } from "../vault";

const ACTION_FLAGS = ["suspend", "unsuspend", "unflag", "reset", "forget"] as const;

export const setCommand: Command = async (argv, io) => {
	const args = parseArgs(argv, [...ACTION_FLAGS, "dry-run", "json"], [...COMMON_VALUED_FLAGS, ...SELECTION_FLAGS, "flag", "due", "seed"]);
	if (args.positional.length === 0) throw new UsageError("set needs a PATH");
	if (flagValue(args, "filter") === undefined && flagValue(args, "deck") === undefined) {
		throw new UsageError("set needs --filter EXPR or --deck D: it changes every card they select");
	}
	cardFilterFromArgs(args);
	const now = resolveNow(args);
	const chosen = [...ACTION_FLAGS.filter((f) => hasFlag(args, f)), ...(["flag", "due"] as const).filter((f) => flagValue(args, f) !== undefined)];
	if (chosen.length !== 1) throw new UsageError("set takes exactly one of --suspend, --unsuspend, --flag N, --unflag, --reset, --forget, --due WHEN");
	const loaded = loadCards(args, io);
	warnSkippedLinks(loaded.vault, "set", io.stderr);
	const selected = selectCardSiblings(loaded, args, now);
	const today = localDay(now, loaded.settings.nextDayStartsAt);
	let action: CardAction | ((s: unknown, i: number) => CardAction);
	switch (chosen[0]) {
		case "flag": {
			const flag = Number(flagValue(args, "flag"));
			if (!Number.isInteger(flag) || flag < 1 || flag > 7) throw new UsageError("--flag takes a number from 1 to 7 (--unflag removes it)");
			action = { kind: "flag", flag };
			break;
		}
		case "unflag":
			action = { kind: "flag", flag: 0 };
			break;
		case "due": {
			const spec = parseDueSpec(flagValue(args, "due") ?? "", today);
			if (typeof spec === "string") throw new UsageError(`--due: ${spec}`);
			const days = spreadDueDays(spec, selected.length, flagValue(args, "seed") ?? today);
			action = (_s, i) => ({ kind: "set-due", due: days[i] });
			break;
		}
		default:
			action = { kind: chosen[0] };
	}
	const notes = new DiskNotes(loaded.vault, { warn: (message) => io.stderr(`warning: ${message}\n`) });
	const manager = new CardManager({ notes, settings: () => loaded.settings, now: () => now, log: new VaultReviewLog(loaded.vault.root) });
	const dryRun = hasFlag(args, "dry-run");
	let report;
	try {
		report = await manager.apply(
			selected.map(({ path, card, sibling }) => ({ path, card, sibling: sibling.index })),
			action,
			dryRun,
		);
	} finally {
		await notes.close();
	}
	const display = new Map(selected.map((s) => [s.path, s.display]));
	const changed = report.done.filter((d) => d.changed);
	if (hasFlag(args, "json")) {
		io.stdout(jsonText({ dryRun, selected: selected.length, changed: changed.map((d) => json(d, display)), failed: report.failed }) + "\n");
	} else {
		for (const d of changed)
			io.stdout(
				`${display.get(d.path) ?? d.path}:${d.line + 1}  sibling ${d.sibling + 1}  ${d.before ?? "(no comment)"} → ${d.after ?? "(no comment)"}\n`,
			);
		for (const f of report.failed) io.stderr(`${display.get(f.path) ?? f.path}: ${f.message}\n`);
		const verb = dryRun ? "would change" : "changed";
		io.stdout(
			`${verb} ${changed.length} of ${selected.length} selected card${selected.length === 1 ? "" : "s"}${report.failed.length ? `; ${report.failed.length} note${report.failed.length === 1 ? "" : "s"} left unchanged` : ""}\n`,
		);
	}
	return report.failed.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
};

function json(d: ActedSibling, display: Map<string, string>) {
	return { file: display.get(d.path) ?? d.path, line: d.line + 1, sibling: d.sibling, before: d.before, after: d.after };
}
