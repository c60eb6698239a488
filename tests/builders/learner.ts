/**
 * A simulated learner for the optimizer's tests and benchmarks: a user whose memory follows FSRS
 * with known parameters w*, reviewing on the days a scheduler with the default parameters picks.
 * Each answer passes with the probability w* predicts; passes are Hard, Good or Easy by the
 * user's habits; a new card answered Again or Hard is answered again the same day. The result is
 * a review log, so tests go through the same conversion as real logs.
 */
import { DEFAULT_PARAMETERS, forgettingCurve, memoryAfter } from "../../src/optimize/fsrs-model";
import { mulberry32 as seededRandom } from "../../src/model/random";
import type { ReviewEntry, ReviewState } from "../../src/stats/log-format";

export interface Learner {
	/** The true parameters. */
	w: number[];
	/** Probabilities of Again, Hard, Good, Easy for a new card's first answer. */
	firstRating: [number, number, number, number];
	/** Of passes: probabilities of Hard and Easy (the rest is Good). */
	hard: number;
	easy: number;
}

/** A learner whose parameters are the defaults moved by up to ±`spread` (relative), from `seed`. */
export function randomLearner(seed: number, spread = 0.35): Learner {
	const rng = seededRandom(seed);
	const w = DEFAULT_PARAMETERS.map((x) => x * (1 + (rng() * 2 - 1) * spread));
	// Keep the initial stabilities ordered and the curve's decay sensible.
	const s0 = w.slice(0, 4).sort((a, b) => a - b);
	for (let i = 0; i < 4; i++) w[i] = s0[i]!;
	w[7] = Math.min(0.2, w[7]);
	w[16] = Math.max(1, w[16]);
	w[20] = Math.min(0.6, Math.max(0.12, w[20]));
	const again = 0.1 + rng() * 0.2;
	const hard = 0.05 + rng() * 0.1;
	const easy = 0.05 + rng() * 0.15;
	return { w, firstRating: [again, hard, 1 - again - hard - easy, easy], hard: 0.05 + rng() * 0.15, easy: 0.03 + rng() * 0.1 };
}

export interface SimulationOptions {
	/** Stop once this many answers are logged. */
	reviews: number;
	/** New cards per day. */
	newPerDay?: number;
	seed?: number;
	/** Card ids get this 12-hex-digit note part. */
	notePart?: string;
	deck?: string;
}

/** Review log entries of a learner, in time order. Local days start at 04:00; answers fall between 09:00 and 21:00. */
export function simulateLog(learner: Learner, options: SimulationOptions): ReviewEntry[] {
	const rng = seededRandom(options.seed ?? 1);
	const newPerDay = options.newPerDay ?? 20;
	const notePart = options.notePart ?? "0123456789ab";
	const deck = options.deck ?? "sim";
	interface SimCard {
		id: string;
		history: { rating: number; deltaT: number }[];
		due: number;
		lastDay: number;
	}
	const cards: SimCard[] = [];
	const entries: ReviewEntry[] = [];
	const start = new Date(2025, 0, 1).getTime();
	const at = (day: number, minute: number): number => {
		const d = new Date(start);
		d.setDate(d.getDate() + day);
		d.setHours(9, 0, 0, 0);
		return d.getTime() + minute * 60_000;
	};
	const pick = (p: readonly number[]): number => {
		let x = rng();
		for (let i = 0; i < p.length; i++) {
			x -= p[i];
			if (x < 0) return i + 1;
		}
		return p.length;
	};
	const log = (card: SimCard, day: number, minute: number, rating: number, state: ReviewState, elapsed: number): void => {
		entries.push({
			kind: "review",
			time: at(day, minute),
			card: card.id,
			deck,
			rating: rating,
			state,
			elapsedDays: elapsed,
			scheduledDays: 0,
			durationMs: 5000,
		});
	};
	for (let day = 0; entries.length < options.reviews; day++) {
		let minute = 0;
		const due = cards.filter((c) => c.due <= day);
		for (const card of due) {
			if (entries.length >= options.reviews) break;
			const t = day - card.lastDay;
			const truth = memoryAfter(learner.w, card.history);
			const recall = forgettingCurve(learner.w, t, truth.s);
			const rating = rng() < recall ? passRating(learner, rng) : 1;
			card.history.push({ rating, deltaT: t });
			log(card, day, minute++, rating, 2, t);
			card.lastDay = day;
			card.due = day + nextInterval(card.history, rng);
		}
		for (let n = 0; n < newPerDay && entries.length < options.reviews; n++) {
			const card: SimCard = { id: `${notePart}-${(cards.length + 1).toString(16).padStart(12, "0")}`, history: [], due: 0, lastDay: day };
			cards.push(card);
			const first = pick(learner.firstRating);
			card.history.push({ rating: first, deltaT: 0 });
			log(card, day, minute++, first, 0, 0);
			if (first <= 2 && entries.length < options.reviews) {
				card.history.push({ rating: 3, deltaT: 0 });
				log(card, day, minute++ + 10, 3, 1, 0);
			}
			card.due = day + nextInterval(card.history, rng);
		}
		minute = 0;
	}
	return entries.sort((a, b) => a.time - b.time);
}

function passRating(learner: Learner, rng: () => number): number {
	const x = rng();
	return x < learner.hard ? 2 : x < learner.hard + learner.easy ? 4 : 3;
}

/** The default scheduler's interval for 90% retention (FSRS-6 curve), at least a day, with ±10% spread. */
function nextInterval(history: { rating: number; deltaT: number }[], rng: () => number): number {
	const { s } = memoryAfter(DEFAULT_PARAMETERS, history);
	// At 90% retention the interval is the stability itself.
	return Math.max(1, Math.round(s * (0.9 + rng() * 0.2)));
}
