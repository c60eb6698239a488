/**
 * The settings about reviewing: the "Review" group (modal or tab, size, keys, intervals), the
 * "Note review" group (whole notes on a schedule) and the "Review history" group.
 */
import type { PluginServices } from "../services";
import { validateControl } from "../../settings/settings-controls";
import type { SettingRow } from "../settings-compat";

/** The "Review" group: where and how a review is shown. */
export function reviewItems(): SettingRow[] {
	return [
		{
			name: "Review in",
			desc: "Open reviews in a modal or in a tab.",
			control: { type: "dropdown", key: "reviewIn", options: { modal: "Modal", tab: "Tab" } },
		},
		{
			name: "Review window size",
			desc: "The review modal's size on a computer. It keeps this size for every card, so the buttons stay in place.",
			control: { type: "dropdown", key: "reviewModalSize", options: { small: "Small", medium: "Medium", large: "Large" } },
		},
		{
			name: "Review keys",
			desc: "Anki's keys (1–4, space, Z or U to undo), or those of the Spaced Repetition plugin.",
			control: { type: "dropdown", key: "keyMap", options: { anki: "Anki", "spaced-repetition": "Spaced Repetition plugin" } },
		},
		{
			name: "Show intervals on buttons",
			desc: "Show the next interval on each answer button.",
			control: { type: "toggle", key: "showIntervalsOnButtons" },
		},
	];
}

/** Reviewing whole notes (docs/scheduling.md, "Note review"). */
export function noteReviewItems(): SettingRow[] {
	return [
		{
			name: "Tags of notes to review",
			desc: "A note with one of these tags (or a sub-tag) comes back on a schedule as a whole; each tag is a deck. Leave empty to review no notes by tag.",
			control: { type: "text", key: "noteReviewTags", placeholder: "#review", validate: (v) => validateControl("noteReviewTags", v) },
		},
		{
			name: "Folders of notes to review",
			desc: "Every note in these folders is reviewed as a whole; one folder or glob pattern per line.",
			control: { type: "textarea", key: "noteReviewFolders", rows: 2, validate: (v) => validateControl("noteReviewFolders", v) },
		},
		{
			name: "Open the next note after rating",
			desc: "After rating a note, open the next one to review.",
			control: { type: "toggle", key: "noteAutoNext" },
		},
		{
			name: "Open a random note",
			desc: "Open a random due note instead of the first by due day and link rank.",
			control: { type: "toggle", key: "noteOpenRandom" },
		},
		{
			name: "Days ahead in the queue",
			desc: "How many days ahead the list of notes to review shows.",
			control: { type: "number", key: "noteQueueMaxDays", min: 0, max: 36500, step: 1, validate: (v) => validateControl("noteQueueMaxDays", v) },
		},
		{
			name: "Bury a reviewed note's cards",
			desc: "After a note was reviewed today, its flashcards wait until tomorrow.",
			control: { type: "toggle", key: "noteBuryCards" },
		},
		{
			name: "Weight of linked notes",
			desc: "How much the eases of linked notes count in a new note's first ease (0 to 1).",
			control: { type: "number", key: "maxLinkFactor", min: 0, max: 1, step: 0.1, validate: (v) => validateControl("maxLinkFactor", v) },
		},
	];
}

/** The "Review history" group: where this device's answers are logged. */
export function historyItems(services: PluginServices): SettingRow[] {
	const id = services.deviceId();
	return [
		{
			name: "This device",
			desc: `Answers given here are logged to logs/${id}.jsonl in the plugin's folder. The id stays on this device (it is not synced), so two devices never write the same file.`,
		},
	];
}
