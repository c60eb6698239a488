/**
 * The rank of each note in the graph of links between notes: PageRank with damping 0.85, iterated
 * until the ranks move by less than 1e-6 in total, as the Spaced Repetition plugin ranks notes for
 * a new note's first ease (docs/scheduling.md, "Note review"). A note that links nowhere hands its
 * rank to every note evenly. Only notes that link or are linked to take part.
 */

/** Links out of each note: target path → how many links to it. */
export type LinkGraph = ReadonlyMap<string, ReadonlyMap<string, number>>;

const DAMPING = 0.85;
const TOLERANCE = 0.000001;
/** The other plugin scales ranks by this; only their ratios matter to the ease, kept for like figures. */
const SCALE = 10_000;
/** A guard: the iteration converges long before this on any real vault. */
const MAX_ROUNDS = 10_000;

/** Each linked note's rank (×10 000). */
export function linkRanks(graph: LinkGraph): Map<string, number> {
	const ids = new Map<string, number>();
	const id = (path: string): number => {
		let n = ids.get(path);
		if (n === undefined) {
			n = ids.size;
			ids.set(path, n);
		}
		return n;
	};
	const edges: { from: number; to: number; weight: number }[] = [];
	const outbound: number[] = [];
	for (const [source, targets] of graph) {
		for (const [target, count] of targets) {
			if (!(count > 0)) continue;
			const from = id(source);
			const to = id(target);
			outbound[from] = (outbound[from] ?? 0) + count;
			outbound[to] ??= 0;
			edges.push({ from, to, weight: count });
		}
	}
	const n = ids.size;
	const ranks = new Map<string, number>();
	if (n === 0) return ranks;
	// Typed arrays: the loop below runs a few dozen times over every link of the vault.
	const from = Int32Array.from(edges, (e) => e.from);
	const to = Int32Array.from(edges, (e) => e.to);
	// Each edge carries its share of its source's links.
	const share = Float64Array.from(edges, (e) => e.weight / outbound[e.from]);
	const dangling = Int32Array.from({ length: n }, (_, i) => ((outbound[i] ?? 0) === 0 ? 1 : 0));
	let weight = new Float64Array(n).fill(1 / n);
	let next = new Float64Array(n);
	for (let round = 0, delta = 1; delta > TOLERANCE && round < MAX_ROUNDS; round++) {
		let leak = 0;
		for (let i = 0; i < n; i++) if (dangling[i] === 1) leak += weight[i];
		next.fill((1 - DAMPING + DAMPING * leak) / n);
		for (let k = 0; k < share.length; k++) next[to[k]] += DAMPING * weight[from[k]] * share[k];
		delta = 0;
		for (let i = 0; i < n; i++) delta += Math.abs(next[i] - weight[i]);
		[weight, next] = [next, weight];
	}
	for (const [path, i] of ids) ranks.set(path, weight[i] * SCALE);
	return ranks;
}
