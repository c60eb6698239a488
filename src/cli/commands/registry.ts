import type { Command } from "../io";
import { cardsCommand } from "./cards";
import { checkCommand } from "./check";
import { decksCommand } from "./decks";
import { dockerCommand } from "./docker";
import { importSrCommand } from "./import-sr";
import { notesCommand } from "./notes";
import { optimizeCommand } from "./optimize";
import { reviewCommand } from "./review";
import { setCommand } from "./set";
import { reviewNoteCommand } from "./review-note";
import { statsCommand } from "./stats";

/** Every command of docs/cli.md, by name. Each lives in its own module. */
export const COMMANDS: Record<string, Command> = {
	cards: cardsCommand,
	check: checkCommand,
	decks: decksCommand,
	docker: dockerCommand,
	"import-sr": importSrCommand,
	notes: notesCommand,
	optimize: optimizeCommand,
	review: reviewCommand,
	set: setCommand,
	"review-note": reviewNoteCommand,
	stats: statsCommand,
};
