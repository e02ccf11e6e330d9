/**
 * Notices a session that ended while the app is open — the password changed, the login was suspended, the contact
 * signed out in another tab, the session expired — at the first sign of it: a request Directus answers 401, a page
 * script that does not load, or the tab coming back into view. Whoever is signed in is asked once more (GET
 * /portal/api/me); where nobody is any longer, the app goes to sign-in, which brings the contact back to the page
 * they were on or going to.
 */
import type { RouteLocationNormalized, Router } from 'vue-router';
import { onUnauthorized } from './use-directus.ts';
import { useMe } from './use-me.ts';

/** The browsers' (and Vite's preloader's) words for a page's script or styles that did not load. */
const scriptNotLoaded =
	/dynamically imported module|Importing a module script failed|Unable to preload|Failed to fetch/i;
const reloadKey = 'customer-portal.reloaded-for';

export function watchSession(router: Router): void {
	const { me, load } = useMe();
	let checking: Promise<boolean> | null = null;

	/** Whether the session still holds; where it does not, the app is on its way to sign-in. */
	async function check(going: RouteLocationNormalized): Promise<boolean> {
		if (!me.value || (await load())) return true;
		if (!going.meta.guest)
			await router.replace({ name: 'sign-in', query: { redirect: going.fullPath, session_ended: '1' } });
		return false;
	}

	/** One check at a time: the 401s of a page's several requests (and of the check itself) make one. */
	function recheck(going: RouteLocationNormalized = router.currentRoute.value): Promise<boolean> {
		checking ??= check(going).finally(() => (checking = null));
		return checking;
	}

	onUnauthorized(() => void recheck());
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') void recheck();
	});

	// A page script that does not load: refused with the ended session's cookie (then sign-in), or gone with a new
	// version of the app (then the address is loaded afresh, once, for the current scripts).
	router.onError((error: unknown, to: RouteLocationNormalized) => {
		if (!scriptNotLoaded.test(error instanceof Error ? error.message : String(error))) return;
		void recheck(to).then((signedIn) => {
			if (!signedIn || window.sessionStorage.getItem(reloadKey) === to.fullPath) return;
			window.sessionStorage.setItem(reloadKey, to.fullPath);
			window.location.assign(router.resolve(to.fullPath).href);
		});
	});
	router.afterEach(() => window.sessionStorage.removeItem(reloadKey));
}
