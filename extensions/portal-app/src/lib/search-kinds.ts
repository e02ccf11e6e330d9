/**
 * What the portal's one search looks through: tickets, knowledge base and documentation, each only where the
 * contact's group opens its list (lib/navigation.ts), so the search never offers a kind whose list would say
 * "not available". Directus's own rules decide which rows each kind answers with; this only picks the kinds.
 */
import { strings } from '../strings.ts';
import { articlesPath, mayOpen, type PageKey } from './navigation.ts';
import type { Capabilities } from './portal-types.ts';

export type SearchCollection = 'tickets' | 'kb_articles' | 'documents';

export interface SearchKind {
	collection: SearchCollection;
	/** The group's heading, in the portal's language. */
	title: string;
	/** The list that shows every hit, and the path of one hit below it. */
	listPath: string;
}

const kinds: { collection: SearchCollection; page: PageKey; title: () => string; listPath: string }[] = [
	{ collection: 'tickets', page: 'tickets', title: () => strings.tickets.title, listPath: '/tickets' },
	{
		collection: 'kb_articles',
		page: 'knowledge-base',
		title: () => strings.articles.kbTitle,
		listPath: articlesPath('kb_articles'),
	},
	{
		collection: 'documents',
		page: 'documentation',
		title: () => strings.articles.docsTitle,
		listPath: articlesPath('documents'),
	},
];

/** The kinds these capabilities let the contact search, in the portal's order. */
export function searchKindsFor(capabilities: Capabilities): SearchKind[] {
	return kinds
		.filter((kind) => mayOpen(kind.page, capabilities))
		.map(({ collection, title, listPath }) => ({ collection, title: title(), listPath }));
}

/** The address of a list with the search kept: the lists read their search from `q`, as this page does. */
export function searchAddress(path: string, words: string): { path: string; query: { q: string } } {
	return { path, query: { q: words.trim() } };
}
