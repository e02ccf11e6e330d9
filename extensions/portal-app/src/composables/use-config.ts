/** The portal's branding and what it offers visitors, from GET /portal/api/config (public). */
import { customEndpoint } from '@directus/sdk';
import { readonly, ref } from 'vue';
import type { PortalConfig } from '../lib/portal-types.ts';
import { strings } from '../strings.ts';
import { useDirectus } from './use-directus.ts';

const config = ref<PortalConfig>({ portal_name: strings.appName, accent_color: '#4f46e5', access_mode: 'registered', self_signup: 'off' });
const loaded = ref(false);

/** A colour Directus stored for the accent, or the default: never CSS from the server verbatim. */
function safeColour(value: string): string {
	return /^#[0-9a-fA-F]{3,8}$/.test(value) ? value : '#4f46e5';
}

export function useConfig() {
	async function load(): Promise<void> {
		try {
			// The SDK unwraps Directus's `{ data }` envelope.
			const answer = await useDirectus().request(customEndpoint<PortalConfig>({ path: '/portal/api/config', method: 'GET' }));
			config.value = { ...answer, accent_color: safeColour(answer.accent_color) };
		} catch {
			// The defaults keep the sign-in page usable; the sign-in itself reports a server that is down.
		}
		document.documentElement.style.setProperty('--accent', config.value.accent_color);
		document.title = config.value.portal_name;
		loaded.value = true;
	}
	return { config: readonly(config), loaded: readonly(loaded), load };
}
