/**
 * fsrs-rs for Node (`@open-spaced-repetition/binding`, an optional dependency), loaded only when
 * `optimize` runs: the package holds native code per platform and is never bundled, so the rest
 * of the command line works without it. Only the calls `optimize` makes are typed here.
 */
import { UsageError } from "./io";
import type { OptimizerItem } from "../optimize/items";

export const BINDING_PACKAGE = "@open-spaced-repetition/binding";
const BINDING_VERSION = "0.5.0";

interface BindingReview {
	readonly rating: number;
}
interface BindingItem {
	readonly reviews: BindingReview[];
}

export interface TrainOptions {
	enableShortTerm: boolean;
	numRelearningSteps?: number;
	progress?: (current: number, total: number) => boolean | undefined | void;
}

export interface FsrsBinding {
	FSRSBindingReview: new (rating: number, deltaT: number) => BindingReview;
	FSRSBindingItem: new (reviews: BindingReview[]) => BindingItem;
	FSRSBinding: new (parameters?: number[]) => { evaluate(items: BindingItem[]): { logLoss: number; rmseBins: number } };
	computeParameters(items: BindingItem[], options?: TrainOptions): Promise<number[]>;
}

/** Loads the binding; a clear usage error when it is not installed or cannot load on this platform. */
export async function loadFsrsBinding(name = BINDING_PACKAGE): Promise<FsrsBinding> {
	try {
		// eslint-disable-next-line no-unsanitized/method -- a computed name keeps the bundler out (Node resolves it at run time); it is ours or a test's, never input
		const loaded = (await import(name)) as FsrsBinding & { default?: FsrsBinding };
		const binding = typeof loaded.computeParameters === "function" ? loaded : loaded.default;
		if (!binding || typeof binding.computeParameters !== "function") throw new Error("it has no computeParameters");
		return binding;
	} catch (error) {
		throw new UsageError(
			`optimize trains with fsrs-rs through ${name}, which could not be loaded (${(error as Error).message.split("\n")[0]}). ` +
				`Install it next to spaced-notes: npm install ${BINDING_PACKAGE}@${BINDING_VERSION}`,
		);
	}
}

/** Our items as the binding's. */
export function toBindingItems(binding: FsrsBinding, items: readonly OptimizerItem[]): BindingItem[] {
	return items.map((item) => new binding.FSRSBindingItem(item.reviews.map((r) => new binding.FSRSBindingReview(r.rating, r.deltaT))));
}
