import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';
import {
	onBeforeRouteLeave,
	onBeforeRouteUpdate,
	type RouteLocationNormalized,
	type RouteLocationRaw,
	useRouter,
} from 'vue-router';

/**
 * Keeps staff from losing unsaved changes, as Directus's item page does: leaving by the studio's navigation
 * is held and `confirming` asks (keep editing, or discard and go on); closing or reloading the tab gets the
 * browser's own question. `allowLeave` lets one navigation through unasked, for one that loses nothing.
 */
export function useUnsavedChanges(dirty: Ref<boolean>) {
	const router = useRouter();
	const confirming = ref(false);
	let heldNavigation: RouteLocationRaw | null = null;
	let allowed = false;

	function hold(to: RouteLocationNormalized): boolean {
		if (allowed || !dirty.value) {
			allowed = false;
			return true;
		}
		heldNavigation = to.fullPath;
		confirming.value = true;
		return false;
	}
	onBeforeRouteLeave(hold);
	onBeforeRouteUpdate(hold);

	function warnBeforeUnload(event: BeforeUnloadEvent): void {
		if (!dirty.value) return;
		event.preventDefault();
		// Older browsers ask only when returnValue is set.
		event.returnValue = '';
	}
	onMounted(() => window.addEventListener('beforeunload', warnBeforeUnload));
	onBeforeUnmount(() => window.removeEventListener('beforeunload', warnBeforeUnload));

	function keepEditing(): void {
		confirming.value = false;
		heldNavigation = null;
	}

	async function discardAndLeave(): Promise<void> {
		confirming.value = false;
		const to = heldNavigation;
		heldNavigation = null;
		if (to === null) return;
		allowed = true;
		await router.push(to);
	}

	/** Lets the next navigation through without asking. */
	function allowLeave(): void {
		allowed = true;
	}

	return { confirming, keepEditing, discardAndLeave, allowLeave };
}
