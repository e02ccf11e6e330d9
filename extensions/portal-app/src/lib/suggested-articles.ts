/**
 * Knowledge-base articles that may answer a ticket while it is written: the words of its subject and description
 * worth looking up, a Directus filter for articles that have any of them, and the best few of those first.
 */
import type { QueryFilter } from '@directus/sdk';
import type { Article, PortalSchema } from './portal-schema.ts';

/** Words shorter than this ("the", "is", "2nd") match nearly every article. */
const shortestWord = 4;

/** The distinct words of `text` worth looking up, longest first (the longest say most), at most `most`. */
export function suggestionWords(text: string, most = 6): string[] {
	const words = text.toLocaleLowerCase().match(new RegExp(`[\\p{L}\\p{N}]{${shortestWord},}`, 'gu')) ?? [];
	return [...new Set(words)].sort((a, b) => b.length - a.length || a.localeCompare(b)).slice(0, most);
}

/** Articles with any of `words` in their title or text; Directus's rules still decide which the contact sees. */
export function suggestionFilter(words: string[]): QueryFilter<PortalSchema, Article> {
	return { _or: words.flatMap((word) => [{ title: { _icontains: word } }, { body: { _icontains: word } }]) };
}

/**
 * The `most` articles that share the most of `words`, a word in the title counting twice one in the text; ties in
 * title order, so the list does not jump about while the contact types.
 */
export function bestSuggestions<T extends { title: string; body: string | null }>(
	articles: T[],
	words: string[],
	most: number,
): T[] {
	const score = (article: T) => {
		const title = article.title.toLocaleLowerCase();
		const body = (article.body ?? '').toLocaleLowerCase();
		return words.reduce((sum, word) => sum + (title.includes(word) ? 2 : 0) + (body.includes(word) ? 1 : 0), 0);
	};
	return articles
		.map((article) => ({ article, score: score(article) }))
		.filter(({ score: shared }) => shared > 0)
		.sort((a, b) => b.score - a.score || a.article.title.localeCompare(b.article.title))
		.slice(0, most)
		.map(({ article }) => article);
}
