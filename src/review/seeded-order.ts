/** Orders of list indexes for a session's queues: as they are, or a shuffle repeatable from a seed. */
import { mulberry32 } from "../model/random";

/** The indexes 0…length−1 in order. */
export function identity(length: number): Int32Array {
	const out = new Int32Array(length);
	for (let i = 0; i < length; i++) out[i] = i;
	return out;
}

/** The indexes 0…length−1 in a seeded Fisher–Yates order, so a given seed always gives the same order. */
export function shuffledIndexes(length: number, seed: string): Int32Array {
	const out = identity(length);
	const random = seededRandom(seed);
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		const swap = out[i];
		out[i] = out[j];
		out[j] = swap;
	}
	return out;
}

/** mulberry32 over a 32-bit FNV-1a hash of the seed. */
function seededRandom(seed: string): () => number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193);
	return mulberry32(hash);
}
