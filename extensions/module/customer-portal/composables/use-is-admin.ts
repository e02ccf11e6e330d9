import { useStores } from '@directus/extensions-sdk';
import { computed, type ComputedRef } from 'vue';

/**
 * Whether the signed-in studio user is a Directus admin, as the studio knows it: the pages only admins can
 * use (Data map, Uninstall) are offered to them alone. The server refuses everyone else whatever the app shows.
 */
export function useIsAdmin(): ComputedRef<boolean> {
	const userStore = (useStores()['useUserStore'] as () => { isAdmin?: boolean })();
	return computed(() => userStore.isAdmin === true);
}
