/**
 * The language the studio module speaks: the studio's own, that is the signed-in user's Directus language, else
 * the project's default (as Directus's app picks its own), mapped to one the portal speaks (English when not).
 * Dates and numbers follow the same language, never the browser's.
 */
import { useStores } from '@directus/extensions-sdk';
import { ref, watch } from 'vue';
import { copyInto } from '../../../../src/i18n/copy-into.ts';
import { defaultPortalLanguage, type PortalLanguage, portalLanguageOf } from '../../../../src/i18n/languages.ts';
import { catalogues } from './catalogues.ts';
import { strings } from './strings.ts';

export const studioLanguage = ref<PortalLanguage>(defaultPortalLanguage);

export function setStudioLanguage(language: PortalLanguage): void {
	if (language === studioLanguage.value) return;
	studioLanguage.value = language;
	copyInto(strings, catalogues[language].strings);
}

/** The locale dates and numbers are written in: the studio's language, never the browser's. */
export function studioLocale(): string {
	return catalogues[studioLanguage.value].locale;
}

interface LanguageStores {
	useUserStore?: () => { currentUser?: { language?: string | null } | null };
	useServerStore?: () => { info?: { project?: { default_language?: string | null } | null } | null };
}

/**
 * Follows the studio's language from the app's stores: at once (so the page's first drawing is in it) and
 * whenever the user changes theirs (Directus reads the user again then).
 */
export function useStudioLanguage(): void {
	const stores = useStores() as LanguageStores;
	const user = stores.useUserStore?.();
	const server = stores.useServerStore?.();
	watch(
		() => portalLanguageOf(user?.currentUser?.language, server?.info?.project?.default_language),
		setStudioLanguage,
		{ immediate: true },
	);
}
