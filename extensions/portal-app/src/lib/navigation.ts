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
	| 'profile';

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
};

export function mayOpen(page: PageKey, capabilities: Capabilities): boolean {
	return rules[page](capabilities);
}

export interface MenuEntry {
	page: PageKey;
	label: string;
	path: string;
}

const menu: MenuEntry[] = [
	{ page: 'dashboard', label: strings.menu.dashboard, path: '/' },
	{ page: 'tickets', label: strings.menu.tickets, path: '/tickets' },
	{ page: 'projects', label: strings.menu.projects, path: '/projects' },
	{ page: 'devices', label: strings.menu.devices, path: '/devices' },
	{ page: 'knowledge-base', label: strings.menu.knowledgeBase, path: '/knowledge-base' },
	{ page: 'documentation', label: strings.menu.documentation, path: '/documentation' },
	{ page: 'invoices', label: strings.menu.invoices, path: '/invoices' },
	{ page: 'quotes', label: strings.menu.quotes, path: '/quotes' },
	{ page: 'team', label: strings.menu.team, path: '/team' },
	{ page: 'profile', label: strings.menu.profile, path: '/profile' },
];

/** The menu for these capabilities, in the portal's order. */
export function menuFor(capabilities: Capabilities): MenuEntry[] {
	return menu.filter((entry) => mayOpen(entry.page, capabilities));
}

/** Where a collection's articles live: the contact's knowledge base or documentation, or the visitors' knowledge base. */
export function articlesPath(collection: 'kb_articles' | 'documents', visitor = false): string {
	if (visitor) return '/help';
	return collection === 'kb_articles' ? '/knowledge-base' : '/documentation';
}
