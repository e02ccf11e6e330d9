/**
 * Finding English left on a page that should speak another language: the texts a catalogue says differently
 * from English's, and which of them a browser page shows. Used for the portal app's and the studio module's
 * catalogues alike.
 */
import type { Page } from 'playwright-core';

/** The catalogue's plain texts by dotted key (its functions say what their arguments make them say). */
export function catalogueTexts(catalogue: object, prefix = ''): Map<string, string> {
	const texts = new Map<string, string>();
	for (const [key, value] of Object.entries(catalogue)) {
		if (typeof value === 'string') texts.set(`${prefix}${key}`, value);
		else if (typeof value === 'object' && value !== null)
			for (const [inner, text] of catalogueTexts(value, `${prefix}${key}.`)) texts.set(inner, text);
	}
	return texts;
}

/** English texts `other` says differently: one of them on a page in that language is a text left untranslated. */
export function englishOnly(english: object, other: object): string[] {
	const translated = catalogueTexts(other);
	return [...catalogueTexts(english)].filter(([key, text]) => translated.get(key) !== text).map(([, text]) => text);
}

/** The visible texts of the page (and its labels for screen readers and placeholders) that are one of `english`. */
export async function untranslated(page: Page, english: string[]): Promise<string[]> {
	return page.evaluate((texts) => {
		const wanted = new Set(texts);
		const found = new Set<string>();
		const normal = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const text = normal(node.textContent);
			// An option is seen through its select.
			const element = node.parentElement?.closest('select') ?? node.parentElement;
			if (text && wanted.has(text) && element?.checkVisibility()) found.add(text);
		}
		for (const element of Array.from(document.querySelectorAll('[aria-label], [placeholder], [title]')))
			for (const name of ['aria-label', 'placeholder', 'title']) {
				const text = normal(element.getAttribute(name));
				if (wanted.has(text)) found.add(`${text} (${name})`);
			}
		return [...found];
	}, english);
}
