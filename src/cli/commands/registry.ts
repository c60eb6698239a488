import type { Command } from "../io";
import { cardsCommand } from "./cards";
import { checkCommand } from "./check";
import { decksCommand } from "./decks";
import { dockerCommand } from "./docker";
import { importSrCommand } from "./import-sr";
import { optimizeCommand } from "./optimize";
import { reviewCommand } from "./review";
import { statsCommand } from "./stats";

/** Every command of docs/cli.md, by name. Each lives in its own module. */
export const COMMANDS: Record<string, Command> = {
	cards: cardsCommand,
	check: checkCommand,
	decks: decksCommand,
	docker: dockerCommand,
	"import-sr": importSrCommand,
	optimize: optimizeCommand,
	review: reviewCommand,
	stats: statsCommand,
};
