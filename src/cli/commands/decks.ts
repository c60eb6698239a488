/** `spaced-notes decks PATH [--json]`: the deck tree with due / new / learning / total counts. */
import { jsonText } from "../terminal-text";
import { buildDeckTree, deckTreeToJson, type DeckNode } from "../../index/deck-tree";
import { hasFlag, parseArgs } from "../args";
import { COMMON_VALUED_FLAGS, resolveNow } from "../common";
import { EXIT_OK, UsageError, type Command } from "../io";
import { loadIndex } from "../load-index";
import { warnSkippedLinks } from "../vault";

export const decksCommand: Command = (argv, io) => {
	const args = parseArgs(argv, ["json"], [...COMMON_VALUED_FLAGS]);
	if (args.positional.length !== 1) throw new UsageError("decks takes exactly one PATH");
	const now = resolveNow(args);
	const { vault, index } = loadIndex(args, io);
	warnSkippedLinks(vault, "decks", io.stderr);
	const tree = buildDeckTree(index, now);
	if (hasFlag(args, "json")) io.stdout(jsonText(deckTreeToJson(tree)) + "\n");
	else io.stdout(formatTree(tree));
	return Promise.resolve(EXIT_OK);
};

function formatTree(root: DeckNode): string {
	const all = flatten(root);
	// A loop, not Math.max(...): a vault may hold hundreds of thousands of decks.
	let width = 20;
	for (const { node, depth } of all) width = Math.max(width, depth * 2 + node.name.length);
	const header = `${"deck".padEnd(width)}  ${"due".padStart(5)} ${"new".padStart(5)} ${"learn".padStart(5)} ${"total".padStart(6)}\n`;
	const rows = all.map(({ node, depth }) => {
		const label = depth === 0 && node.path === "" ? "(all cards)" : `${"  ".repeat(Math.max(0, depth - 1))}${node.name}`;
		return `${label.padEnd(width)}  ${String(node.due).padStart(5)} ${String(node.new).padStart(5)} ${String(node.learning).padStart(5)} ${String(node.total).padStart(6)}\n`;
	});
	return header + rows.join("");
}

/** Every node in tree order with its depth (iterative: deep or wide trees never overflow the stack). */
function flatten(root: DeckNode): { node: DeckNode; depth: number }[] {
	const out: { node: DeckNode; depth: number }[] = [];
	const stack: { node: DeckNode; depth: number }[] = [{ node: root, depth: 0 }];
	while (stack.length > 0) {
		const next = stack.pop() as { node: DeckNode; depth: number };
		out.push(next);
		for (let i = next.node.children.length - 1; i >= 0; i--) stack.push({ node: next.node.children[i], depth: next.depth + 1 });
	}
	return out;
}
