/**
 * Every word the portal app shows, in the language it speaks now (i18n/current-language.ts): English's catalogue
 * (i18n/en.ts) until another is chosen. Reactive, so a change of language draws the page again in the new words.
 */
import { reactive } from 'vue';
import type { Catalogue } from './i18n/catalogue.ts';
import { copyOf } from '../../../src/i18n/copy-into.ts';
import { en } from './i18n/en.ts';

/** Labels the app looks up by a value from the server (a status, a type, an error code), so by any string. */
type Lookups = {
	tickets: { kinds: Record<string, string> };
	projects: { tabs: Record<string, string> };
	devices: { columns: Record<string, string>; extra: Record<string, string>; types: Record<string, string> };
	errors: { byCode: Record<string, string> };
	mailKinds: Record<string, string>;
};

export type PortalStrings = Catalogue & Lookups;

export const strings = reactive(copyOf(en)) as PortalStrings;
