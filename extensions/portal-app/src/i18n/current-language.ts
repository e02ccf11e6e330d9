/**
 * The language the portal app speaks now: the signed-in contact's, else the project's default (from the config).
 * Changing it swaps the words inside `strings` (so everything drawn from them follows), and sets the page's
 * `lang` and `dir`.
 */
import { ref } from 'vue';
import { defaultPortalLanguage, directionOf, type PortalLanguage } from '../../../../src/i18n/languages.ts';
import { strings } from '../strings.ts';
import { catalogues } from './catalogues.ts';
import { copyInto } from '../../../../src/i18n/copy-into.ts';

export const currentLanguage = ref<PortalLanguage>(defaultPortalLanguage);

export function setLanguage(language: PortalLanguage): void {
	currentLanguage.value = language;
	copyInto(strings, catalogues[language].strings);
	document.documentElement.lang = language;
	document.documentElement.dir = directionOf(language);
}

/** The locale dates and numbers are written in: the portal's language, never the browser's. */
export function currentLocale(): string {
	return catalogues[currentLanguage.value].locale;
}
