/**
 * The review's entry point for the plugin: a modal or a tab, as the settings say.
 */
import type { PluginServices } from "../services";
import type { ReviewRequest } from "../../review/request";
import type { ReviewExtras } from "./review-host";
import { ReviewModal } from "./review-modal";
import { REVIEW_VIEW_TYPE, ReviewView } from "./review-view";

/**
 * Starts a review of `request` in a modal, or in a main-area tab when `settings.reviewIn` is
 * "tab" (an open review tab is reused). The tab needs the view registered under
 * {@link REVIEW_VIEW_TYPE} with `createReviewView`.
 */
export function openReview(services: PluginServices, request: ReviewRequest, extras: ReviewExtras = {}): void {
	if (services.settings().reviewIn !== "tab") {
		new ReviewModal(services, request, extras).open();
		return;
	}
	const { workspace } = services.app;
	const existing = workspace.getLeavesOfType(REVIEW_VIEW_TYPE)[0];
	const leaf = existing ?? workspace.getLeaf("tab");
	void leaf.setViewState({ type: REVIEW_VIEW_TYPE, active: true }).then(() => {
		if (leaf.view instanceof ReviewView) leaf.view.start(request);
		void workspace.revealLeaf(leaf);
	});
}
