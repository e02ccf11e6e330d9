/**
 * The languages the portal speaks, and how a Directus language setting (a BCP 47 tag such as `de-DE`, or null for
 * the project's default) becomes one of them. Shared by the portal app, the studio module and the mails, so all
 * three pick the same language for the same person.
 */
export const portalLanguages = ['en', 'de'] as const;
export type PortalLanguage = (typeof portalLanguages)[number];

export const defaultPortalLanguage: PortalLanguage = 'en';

/** Scripts written right to left: a language added with one of these turns the page around (`dir="rtl"`). */
const rightToLeft = new Set(['ar', 'fa', 'he', 'ps', 'ur', 'yi']);

function primaryOf(tag: string): string {
	return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * The portal's language for the first of `tags` it speaks, compared by primary language (`de-AT` is German);
 * English when none is spoken. Pass the person's own setting first, then the project's default.
 */
export function portalLanguageOf(...tags: (string | null | undefined)[]): PortalLanguage {
	for (const tag of tags) {
		if (!tag) continue;
		const primary = primaryOf(tag);
		const found = portalLanguages.find((language) => language === primary);
		if (found) return found;
	}
	return defaultPortalLanguage;
}

/** `rtl` for a tag whose script runs right to left, else `ltr`. */
export function directionOf(tag: string): 'ltr' | 'rtl' {
	return rightToLeft.has(primaryOf(tag)) ? 'rtl' : 'ltr';
}
