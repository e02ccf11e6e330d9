/**
 * The studio module in the studio's language: its German catalogue has English's every key in German words (the
 * type check already refuses a missing one: de.ts `satisfies Catalogue<typeof en>`), a page opened by a staff member
 * whose Directus language is German speaks German with nothing left in English, and its dates follow the language.
 */
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { reactive } from 'vue';
import { capabilities } from '../../../src/catalogue/capabilities.ts';
import { portalLanguages } from '../../../src/i18n/languages.ts';
import { catalogues } from '../../../extensions/module/customer-portal/i18n/catalogues.ts';
import { de } from '../../../extensions/module/customer-portal/i18n/de.ts';
import { en } from '../../../extensions/module/customer-portal/i18n/en.ts';
import { setStudioLanguage } from '../../../extensions/module/customer-portal/i18n/studio-language.ts';
import { shortDateTime } from '../../../extensions/module/customer-portal/lib/date-time.ts';
import { auditActionWords } from '../../../extensions/module/customer-portal/lib/audit-words.ts';
import { ViewAsRefusedError } from '../../../src/errors/view-as-refused-error.ts';
import { errorMessage } from '../../../extensions/module/customer-portal/lib/error-message.ts';
import { DefaultGroupInUseError } from '../../../src/errors/default-group-in-use-error.ts';
import { PortalGroupInUseError } from '../../../src/errors/portal-group-in-use-error.ts';
import { SystemGroupReadOnlyError } from '../../../src/errors/system-group-read-only-error.ts';
import GroupEditor from '../../../extensions/module/customer-portal/routes/group-editor.vue';
import GroupsPage from '../../../extensions/module/customer-portal/routes/groups-page.vue';
import { physicalPlacements } from '../../support/physical-placement.ts';
import { catalogueTexts, englishOnly } from '../../support/untranslated-texts.ts';
import { studioComponents, studioDirectives } from './studio-stubs.ts';

const api = vi.hoisted(() => ({ get: vi.fn(), post: vi.fn(), patch: vi.fn(), delete: vi.fn() }));
vi.mock('@directus/extensions-sdk', () => ({
	useApi: () => api,
	useStores: () => ({
		useUserStore: () => staff,
		useServerStore: () => ({ info: { project: { default_language: 'en-US' } } }),
	}),
}));

/** The staff member signed in to the studio, as Directus's (reactive) user store holds them. */
const staff = reactive({ isAdmin: true, currentUser: { language: 'de-DE' as string | null } });

/** Texts German writes as English does: loanwords, names and signs. */
const sameInGerman = new Set([
	'nothing',
	'groups.system',
	'groupEditor.name',
	'groupEditor.areas.tickets',
	'customer.columns.portal',
	'tickets.columns.status',
	'outbox.status',
	'outbox.columns.status',
	'audit.targets.tickets',
	'ratings.columns.ticket',
	'dataMap.sections.tickets',
	'dataMap.optional',
	'dataMap.objects.tickets',
	'dataMap.names.name',
	'dataMap.names.status',
	'dataMap.names.ticket',
	'dataMap.names.tickets',
]);

const answers: Record<string, unknown> = {
	'/server/info': { version: '11.17.4' },
	'/items/portal_groups': [
		{ id: 9, name: 'Field staff', description: null, is_system: false, assignable_by_client: true, permissions: {} },
	],
	'/items/portal_groups/9': {
		id: 9,
		name: 'Field staff',
		description: null,
		assignable_by_client: true,
		is_system: false,
		permissions: { 'tickets.view': 'own' },
	},
	'/items/contacts': [{ portal_group: 9, count: { id: '1' } }],
	'/items/portal_settings': { default_group: 9 },
};

enableAutoUnmount(afterEach);

beforeEach(() => {
	vi.resetAllMocks();
	staff.currentUser.language = 'de-DE';
	api.get.mockImplementation((path: string) =>
		path in answers
			? Promise.resolve({ data: { data: answers[path] } })
			: Promise.reject(new Error(`Unexpected GET ${path}`)),
	);
});

afterEach(() => setStudioLanguage('en'));

/** A page of the module at `path` under a router view, as the studio shows it. */
async function openPage(path: string) {
	const router = createRouter({
		history: createMemoryHistory(),
		routes: [
			{ path: '/groups', name: 'customer-portal-groups', component: GroupsPage },
			{ path: '/groups/:id', name: 'customer-portal-group', component: GroupEditor, props: true },
		],
	});
	await router.push(path);
	const page = mount(RouterView, {
		attachTo: document.body,
		global: { plugins: [router], components: studioComponents, directives: studioDirectives },
	});
	await flushPromises();
	return page;
}

/** Attributes of the studio's components (as the stubs keep them) that a staff member reads. */
const readAttributes = ['label', 'placeholder', 'aria-label', 'title', 'back-label'];

/** Everything a staff member reads on the page: its text, and the words its elements carry (labels, placeholders). */
function wordsOn(page: Awaited<ReturnType<typeof openPage>>): string[] {
	const element = page.element as HTMLElement;
	const attributes = Array.from(element.querySelectorAll('*')).flatMap((node) =>
		readAttributes.map((name) => node.getAttribute(name) ?? ''),
	);
	const texts: string[] = [];
	const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node; node = walker.nextNode())
		texts.push((node.textContent ?? '').replace(/\s+/g, ' ').trim());
	return [...texts, ...attributes].filter(Boolean);
}

describe('The studio module\u2019s catalogues', () => {
	test('Every language has each English key and no other', () => {
		const english = [...catalogueTexts(en).keys()].sort();
		for (const language of portalLanguages)
			expect([...catalogueTexts(catalogues[language].strings).keys()].sort(), language).toEqual(english);
	});

	test('German says every text in German, but for the words German shares with English', () => {
		const english = catalogueTexts(en);
		const german = catalogueTexts(de);
		expect([...german].filter(([key, text]) => text === english.get(key) && !sameInGerman.has(key))).toEqual([]);
		expect([...sameInGerman].filter((key) => german.get(key) !== english.get(key))).toEqual([]);
		for (const [key, text] of german) expect(text.trim(), key).not.toBe('');
	});

	test('English names every capability as the catalogue the server reads does', () => {
		for (const capability of capabilities) {
			expect(en.groupEditor.capabilities[capability.key].label).toBe(capability.label);
			expect(en.groupEditor.capabilities[capability.key].description).toBe(capability.description);
		}
	});
});

describe('A staff member whose studio speaks German', () => {
	test('Reads the groups page in German, nothing left in English', async () => {
		const page = await openPage('/groups');
		expect(page.find('h1').text()).toBe('Portalgruppen');
		expect(page.find('.intro').text()).toContain('Eine Portalgruppe bestimmt');
		expect(page.find('.default-chip').text()).toBe('Standard');
		expect(page.find('.custom').text()).toBe('Eigene');
		const english = new Set(englishOnly(en, de));
		expect(wordsOn(page).filter((text) => english.has(text))).toEqual([]);
	});

	test('Reads the group editor\u2019s capabilities in German, nothing left in English', async () => {
		const page = await openPage('/groups/9');
		expect(page.find('[data-area="tickets"] h2').text()).toBe('Tickets');
		expect(page.find('[data-area="projects"] h2').text()).toBe('Projekte');
		const ticketsView = page.find('[data-capability="tickets.view"]');
		expect(ticketsView.find('.label').text()).toBe('Tickets sehen');
		expect(ticketsView.findAll('.v-radio').map((radio) => radio.attributes('label'))).toEqual([
			'Keine Tickets',
			'Tickets, die sie angefragt haben oder denen sie folgen',
			'Alle Tickets ihres Kunden',
			'Alle Tickets ihres Kunden und der Kunden darunter',
		]);
		// A capability waiting on one that grants nothing names it in German.
		expect(page.find('[data-capability="projects.schedule"] .requires').text()).toBe(
			'Erfordert zuerst \u201eProjekte sehen\u201c.',
		);
		const english = new Set(englishOnly(en, de));
		expect(wordsOn(page).filter((text) => english.has(text))).toEqual([]);
	});

	test('Follows the staff member to English when they change their language, and takes English for one it does not speak', async () => {
		const page = await openPage('/groups');
		staff.currentUser.language = 'en-US';
		await flushPromises();
		expect(page.find('h1').text()).toBe('Portal groups');
		staff.currentUser.language = 'de-AT';
		await flushPromises();
		expect(page.find('h1').text()).toBe('Portalgruppen');
		staff.currentUser.language = 'fr-FR';
		await flushPromises();
		expect(page.find('h1').text()).toBe('Portal groups');
	});

	test('Reads dates and the audit log in German, whatever the browser\u2019s language', () => {
		setStudioLanguage('de');
		expect(shortDateTime('2026-12-05T14:30:00')).toBe('05.12.26, 14:30');
		expect(auditActionWords('group.created')).toBe('Hat eine Portalgruppe erstellt');
		expect(auditActionWords('customer.visibility_changed', { visible_to_parent: false })).toBe(
			'Hat einen Kunden vor dem übergeordneten verborgen',
		);
		// An action the list does not know yet shows as stored.
		expect(auditActionWords('something.new')).toBe('something.new');
		setStudioLanguage('en');
		expect(shortDateTime('2026-12-05T14:30:00')).toBe('05/12/2026, 14:30');
	});

	test('Reads the product\u2019s refusals in German from the details the server sends, in English as the server says them', () => {
		const refused = (error: { message: string; code: string; extensions: object }) => ({
			response: {
				data: { errors: [{ message: error.message, extensions: { ...error.extensions, code: error.code } }] },
			},
		});
		const inUse = new PortalGroupInUseError({ group: 'Field staff', contacts: 2 });
		const asDefault = new DefaultGroupInUseError({ group: 'Basic' });
		const system = new SystemGroupReadOnlyError({ group: 'Manager' });
		const viewAs = new ViewAsRefusedError({ why: 'no_login' });
		setStudioLanguage('de');
		expect(errorMessage(refused(viewAs))).toBe(
			'Dieser Kontakt hat noch keinen Portal-Login: Schalten Sie seinen Login zuerst frei, dann sehen Sie das Portal als er.',
		);
		expect(errorMessage(refused(inUse))).toBe(
			'Die Portalgruppe \u201eField staff\u201c kann nicht gelöscht werden, solange 2 Kontakte sie nutzen. Verschieben Sie sie zuerst in eine andere Gruppe.',
		);
		expect(errorMessage(refused(system))).toContain('ist eine Systemgruppe des Portals');
		// A refusal the module has no words for is said in the server's.
		expect(
			errorMessage({ response: { data: { errors: [{ message: 'Something else.', extensions: { code: 'OTHER' } }] } } }),
		).toBe('Something else.');
		setStudioLanguage('en');
		for (const error of [inUse, asDefault, system, viewAs]) expect(errorMessage(refused(error))).toBe(error.message);
	});
});

describe('Right to left', () => {
	test('The studio module places things by where text starts and ends, not by left and right', () => {
		// Directus turns the studio around for a right-to-left language; the module's pages follow it.
		expect(physicalPlacements('extensions/module/customer-portal')).toEqual([]);
	});
});
