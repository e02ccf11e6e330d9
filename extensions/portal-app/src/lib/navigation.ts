/**
 * Which pages a contact's capabilities open, and so which menu entries they get. The server refuses
 * what the capabilities do not allow whatever the app shows; this only keeps the app from offering
 * a page that would answer 403.
 */
import { strings } from '../strings.ts';
import type { Capabilities } from './portal-types.ts';

export type PageKey =
	| 'dashboard'
	| 'tickets'
	| 'new-ticket'
	| 'projects'
	| 'devices'
	| 'knowledge-base'
	| 'documentation'
	| 'invoices'
	| 'quotes'
	| 'team'
	| 'profile'
	| 'search';

const rules: Record<PageKey, (capabilities: Capabilities) => boolean> = {
	'dashboard': () => true,
	'tickets': (c) => c['tickets.view'] !== 'none',
	'new-ticket': (c) => c['tickets.create'],
	'projects': (c) => c['projects.view'] !== 'none',
	'devices': (c) => c['devices.access'] !== 'none' && c['devices.scope'] !== 'none',
	'knowledge-base': (c) => c['kb.view'],
	'documentation': (c) => c['docs.view'],
	'invoices': (c) => c['invoices.view'],
	'quotes': (c) => c['quotes.decide'],
	'team': (c) => c['users.manage'],
	'profile': () => true,
	// The search looks through the lists the group opens (lib/search-kinds.ts): with none of them, it has nothing.
	'search': (c) => rules['tickets'](c) || rules['knowledge-base'](c) || rules['documentation'](c),
};

export function mayOpen(page: PageKey, capabilities: Capabilities): boolean {
	return rules[page](capabilities);
}

export interface MenuEntry {
	page: PageKey;
	label: string;
	path: string;
}

/** The menu's entries in order; labels are read when the menu is drawn, so they follow the portal's language. */
const menu: { page: PageKey; label: keyof typeof strings.menu; path: string }[] = [
	{ page: 'dashboard', label: 'dashboard', path: '/' },
	{ page: 'tickets', label: 'tickets', path: '/tickets' },
	{ page: 'projects', label: 'projects', path: '/projects' },
	{ page: 'devices', label: 'devices', path: '/devices' },
	{ page: 'knowledge-base', label: 'knowledgeBase', path: '/knowledge-base' },
	{ page: 'documentation', label: 'documentation', path: '/documentation' },
	{ page: 'invoices', label: 'invoices', path: '/invoices' },
	{ page: 'quotes', label: 'quotes', path: '/quotes' },
	{ page: 'team', label: 'team', path: '/team' },
	{ page: 'profile', label: 'profile', path: '/profile' },
];

/** The menu for these capabilities, in the portal's order. */
export function menuFor(capabilities: Capabilities): MenuEntry[] {
	return menu
		.filter((entry) => mayOpen(entry.page, capabilities))
		.map((entry) => ({ ...entry, label: strings.menu[entry.label] }));
}

/** Where a collection's articles live: the contact's knowledge base or documentation, or the visitors' knowledge base. */
export function articlesPath(collection: 'kb_articles' | 'documents', visitor = false): string {
	if (visitor) return '/help';
	return collection === 'kb_articles' ? '/knowledge-base' : '/documentation';
}
