/** fast-check generators of card actions and answers on generated notes (write-back property tests). */
import fc from "fast-check";
import type { CardAction } from "../../src/writeback/card-actions";
import { scheduleArbitrary } from "./note-gen";
import type { Schedule } from "../../src/model/schedule";

export const actionArbitrary: fc.Arbitrary<CardAction> = fc.oneof(
	fc.constant({ kind: "suspend" as const }),
	fc.constant({ kind: "unsuspend" as const }),
	fc.integer({ min: 0, max: 7 }).map((flag) => ({ kind: "flag" as const, flag })),
	fc.constant({ kind: "reset" as const }),
	fc.constant({ kind: "forget" as const }),
	fc
		.integer({ min: 0, max: 400 })
		.map((days) => ({ kind: "set-due" as const, due: new Date(Date.UTC(2026, 2, 1) + days * 86_400_000).toISOString().slice(0, 10) })),
);

/** A step: an action, or an answer's new schedule, on card `card` (mod the count) and sibling `sibling`. */
export type Step = { card: number; sibling: number } & ({ action: CardAction } | { schedule: Schedule });

export const stepArbitrary: fc.Arbitrary<Step> = fc
	.record({
		card: fc.nat(),
		sibling: fc.nat(),
		what: fc.oneof(
			{ weight: 3, arbitrary: actionArbitrary.map((action) => ({ action })) },
			{ weight: 1, arbitrary: scheduleArbitrary.map((schedule) => ({ schedule })) },
		),
	})
	.map(({ card, sibling, what }) => ({ card, sibling, ...what }));
