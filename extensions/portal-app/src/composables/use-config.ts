/** The portal's branding and what it offers visitors, from GET /portal/api/config (public). */
import { customEndpoint } from '@directus/sdk';
import { readonly, ref } from 'vue';
import { accentAsText, inkOn } from '../../../../src/branding/accent-shades.ts';
import { fallbackColor, safeColor } from '../../../../src/branding/safe-color.ts';
import { defaultPortalLanguage, portalLanguageOf } from '../../../../src/i18n/languages.ts';
import type { PortalConfig } from '../lib/portal-types.ts';
import { setLanguage } from '../i18n/current-language.ts';
import { strings } from '../strings.ts';
import { useDirectus } from './use-directus.ts';

const config = ref<PortalConfig>({
	// Unknown until loaded: asked of /portal/api/me.
	signed_in: true,
	language: defaultPortalLanguage,
	portal_name: strings.appName,
	accent_color: fallbackColor,
	access_mode: 'registered',
	self_signup: 'off',
	public_requests: false,
	public_knowledge_base: false,
});
const loaded = ref(false);

export function useConfig() {
	async function load(): Promise<void> {
		try {
			// The SDK unwraps Directus's `{ data }` envelope.
			const answer = await useDirectus().request(
				customEndpoint<PortalConfig>({ path: '/portal/api/config', method: 'GET' }),
			);
			// Never CSS from the server verbatim: a plain hex colour or the default.
			config.value = {
				...answer,
				accent_color: safeColor(answer.accent_color),
				language: portalLanguageOf(answer.language),
			};
		} catch {
			// The defaults keep the sign-in page usable; the sign-in itself reports a server that is down.
		}
		setLanguage(config.value.language);
		const style = document.documentElement.style;
		style.setProperty('--accent', config.value.accent_color);
		// Whatever colour staff chose, text in it and on it stays readable.
		style.setProperty('--accent-text', accentAsText(config.value.accent_color));
		style.setProperty('--accent-ink', inkOn(config.value.accent_color));
		document.title = config.value.portal_name;
		loaded.value = true;
	}
	return { config: readonly(config), loaded: readonly(loaded), load };
}
