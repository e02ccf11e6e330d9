/**
 * Who is signed in and what their group allows, from GET /portal/api/me. The app draws its menu, cards
 * and buttons from `capabilities`; Directus refuses anything else whatever the app draws.
 */
import { customEndpoint } from '@directus/sdk';
import { computed, ref } from 'vue';
import type { ObjectName } from '../../../../src/data-map/object-specs.ts';
import { storedNameOf } from '../../../../src/data-map/stored-name-of.ts';
import { portalLanguageOf } from '../../../../src/i18n/languages.ts';
import { setLanguage } from '../i18n/current-language.ts';
import type { Me } from '../lib/portal-types.ts';
import { useConfig } from './use-config.ts';
import { setDataMap, useDirectus } from './use-directus.ts';

const me = ref<Me | null>(null);

export function useMe() {
	/** Loads the signed-in contact; null when nobody (or no portal contact) is signed in. */
	async function load(): Promise<Me | null> {
		try {
			// The SDK unwraps Directus's `{ data }` envelope.
			me.value = (await useDirectus().request(customEndpoint<Me>({ path: '/portal/api/me', method: 'GET' }))) ?? null;
		} catch {
			me.value = null;
		}
		setDataMap(me.value?.data_map ?? null);
		setLanguage(me.value ? portalLanguageOf(me.value.language) : useConfig().config.value.language);
		return me.value;
	}
	function clear(): void {
		me.value = null;
		setDataMap(null);
		setLanguage(useConfig().config.value.language);
	}
	/** For pages shown only once `me` is loaded (the router guarantees it): the contact, never null. */
	const current = computed(() => {
		if (!me.value) throw new Error('useMe().current read before sign-in');
		return me.value;
	});
	/** Whether the portal's data has `field` of `object` (the bundled name): a data map may leave it out. */
	function hasField(object: ObjectName, field: string): boolean {
		const map = me.value?.data_map;
		return !map || storedNameOf(map, object, field) !== null;
	}
	return { me, current, load, clear, hasField };
}
