/**
 * What the settings tab offers, written out once for the tests of both ways of rendering it
 * (Obsidian 1.13's declarative API and the classic rows of older versions).
 */

export const HEADINGS = ["Cards", "Scheduling", "Review", "Note review", "Notes display", "Saved filters", "Review history", "Import"];

/** Every row with a control: its name, the key it edits, and the algorithm it belongs to, if one. */
export const CONTROL_ROWS: { name: string; key: string; only?: "fsrs" | "sm2" }[] = [
	{ name: "Flashcard tags", key: "flashcardTags" },
	{ name: "Tags to ignore", key: "ignoredTags" },
	{ name: "Folders to ignore", key: "ignoredFolders" },
	{ name: "Folders as decks", key: "foldersAsDecks" },
	{ name: "Highlight clozes", key: "cloze-highlight" },
	{ name: "Bold clozes", key: "cloze-bold" },
	{ name: "Curly bracket clozes", key: "cloze-curly" },
	{ name: "Cloze patterns", key: "clozePatterns" },
	{ name: "Single-line card separator", key: "singleLineSeparator" },
	{ name: "Single-line reversed card separator", key: "singleLineReversedSeparator" },
	{ name: "Multi-line card separator", key: "multiLineSeparator" },
	{ name: "Multi-line reversed card separator", key: "multiLineReversedSeparator" },
	{ name: "Multi-line card end marker", key: "endMarker" },
	{ name: "Scheduling comment placement", key: "commentPlacement" },
	{ name: "Algorithm", key: "algorithm" },
	{ name: "Desired retention", key: "desiredRetention", only: "fsrs" },
	{ name: "Maximum interval", key: "maximumInterval" },
	{ name: "Learning steps", key: "learningSteps", only: "fsrs" },
	{ name: "Relearning steps", key: "relearningSteps", only: "fsrs" },
	{ name: "Fuzz", key: "fuzz", only: "fsrs" },
	{ name: "Next day starts at", key: "nextDayStartsAt" },
	{ name: "New cards per day", key: "newPerDay" },
	{ name: "Reviews per day", key: "reviewsPerDay" },
	{ name: "Bury siblings", key: "burySiblings" },
	{ name: "Leech threshold", key: "leechThreshold" },
	{ name: "Leeches", key: "leechAction" },
	{ name: "Base ease", key: "baseEase", only: "sm2" },
	{ name: "Easy bonus", key: "easyBonus", only: "sm2" },
	{ name: "Lapse factor", key: "lapseFactor", only: "sm2" },
	{ name: "Load balance", key: "loadBalance", only: "sm2" },
	{ name: "Review in", key: "reviewIn" },
	{ name: "Review window size", key: "reviewModalSize" },
	{ name: "Review keys", key: "keyMap" },
	{ name: "Show intervals on buttons", key: "showIntervalsOnButtons" },
	{ name: "Tags of notes to review", key: "noteReviewTags" },
	{ name: "Folders of notes to review", key: "noteReviewFolders" },
	{ name: "Open the next note after rating", key: "noteAutoNext" },
	{ name: "Open a random note", key: "noteOpenRandom" },
	{ name: "Days ahead in the queue", key: "noteQueueMaxDays" },
	{ name: "Bury a reviewed note's cards", key: "noteBuryCards" },
	{ name: "Weight of linked notes", key: "maxLinkFactor" },
	{ name: "Dockerfile panel", key: "dockerPanel" },
	{ name: "Dockerfile panel in live preview", key: "dockerPanelInLivePreview" },
	{ name: "Scheduling comments", key: "commentDisplay" },
];

/** Rows without a control (the import only when the other plugin's data file exists). */
/** The optimizer's row (Scheduling, FSRS only, where a review log is kept). */
export const OPTIMIZE_ROW = "Personal parameters";
/** Deck presets (Scheduling, FSRS only). */
export const PRESETS_ROW = "Deck presets";
export const INFO_ROW = "This device";
export const IMPORT_ROW = "Import settings from the Spaced Repetition plugin";

/** Names of the control rows shown with `algorithm`. */
export function controlNamesFor(algorithm: "fsrs" | "sm2"): string[] {
	return CONTROL_ROWS.filter((row) => row.only === undefined || row.only === algorithm).map((row) => row.name);
}
