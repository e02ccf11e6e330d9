/**
 * The portal app in every language it speaks: each catalogue has English's every key, in its own words, and the
 * app's words, dates and numbers follow the language chosen, not the browser's.
 */
import { mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { afterEach, describe, expect, test } from 'vitest';
import MainMenu from '../../extensions/portal-app/src/components/MainMenu.vue';
import { catalogues } from '../../extensions/portal-app/src/i18n/catalogues.ts';
import { setLanguage } from '../../extensions/portal-app/src/i18n/current-language.ts';
import { de } from '../../extensions/portal-app/src/i18n/de.ts';
import { describeApiError } from '../../extensions/portal-app/src/lib/api-error.ts';
import { en } from '../../extensions/portal-app/src/i18n/en.ts';
import { formatBytes, formatDate, formatDateTime, formatMoney } from '../../extensions/portal-app/src/lib/format.ts';
import { passwordErrors } from '../../extensions/portal-app/src/lib/password-rules.ts';
import type { Capabilities } from '../../extensions/portal-app/src/lib/portal-types.ts';
import { strings } from '../../extensions/portal-app/src/strings.ts';
import { normalizeGroupPermissions } from '../../src/groups/normalize-group-permissions.ts';
import { systemGroups } from '../../src/groups/system-groups.ts';
import { portalLanguages } from '../../src/i18n/languages.ts';
import { contactNotificationLabels } from '../../src/notifications/contact-notification-kinds.ts';
import { physicalPlacements } from '../support/physical-placement.ts';

/** Texts German writes as English does: loanwords and signs, so the same word is the right one. */
const sameInGerman = new Set([
	'menu.tickets',
	'menu.team',
	'tickets.title',
	'tickets.statusFilter',
	'tickets.columns.id',
	'tickets.columns.status',
	'tickets.details',
	'invoices.columns.status',
	'projects.columns.name',
	'projects.columns.status',
	'projects.members',
	'projects.issueDescription',
	'devices.columns.name',
	'devices.types.computer',
	'devices.types.server',
	'devices.details',
	'team.title',
	'team.columns.name',
	'team.columns.status',
]);

/** Arguments to call a catalogue's functions with, where a text would not do. */
const argumentsOf: Record<string, unknown[]> = {
	'page': [3],
	'status': ['resolved'],
	'team.emailHint': [['example.com']],
};

/** Each text of a catalogue by its dotted key; a function by what it says for sample arguments. */
function textsOf(catalogue: object, prefix = ''): Map<string, string> {
	const texts = new Map<string, string>();
	for (const [key, value] of Object.entries(catalogue)) {
		const path = `${prefix}${key}`;
		if (typeof value === 'string') texts.set(path, value);
		else if (typeof value === 'function') texts.set(path, String(value(...(argumentsOf[path] ?? ['Alpha', 'Beta']))));
		else for (const [inner, text] of textsOf(value as object, `${path}.`)) texts.set(inner, text);
	}
	return texts;
}

afterEach(() => setLanguage('en'));

describe('The catalogues', () => {
	test('Every language has each English key and no other', () => {
		const english = [...textsOf(en).keys()].sort();
		for (const language of portalLanguages)
			expect([...textsOf(catalogues[language].strings).keys()].sort(), language).toEqual(english);
	});

	test('German says every text in German, but for the words German shares with English', () => {
		const english = textsOf(en);
		const untranslated = [...textsOf(de)]
			.filter(([key, text]) => text === english.get(key) && !sameInGerman.has(key))
			.map(([key]) => key);
		expect(untranslated).toEqual([]);
		// A word listed as shared that German now says its own way leaves the list.
		expect([...sameInGerman].filter((key) => textsOf(de).get(key) !== english.get(key))).toEqual([]);
		for (const [key, text] of textsOf(de)) expect(text.trim(), key).not.toBe('');
	});

	test('German functions take the English parameters and say them', () => {
		expect(de.page(3)).toBe('Seite 3');
		expect(de.invitation.invited('Ada', 'Acme')).toBe('Ada, Sie sind zum Portal von Acme eingeladen.');
		expect(de.team.emailHint(['a.de', 'b.de'])).toBe('Eine Adresse bei a.de oder b.de.');
		expect(de.status('pending')).toBe('Wartet auf Sie');
		// A status a team added to its own data shows as it is stored.
		expect(de.status('escalated')).toBe('escalated');
	});

	test('English names the kinds of e-mail as the server does, so German names each of them', () => {
		expect(en.mailKinds).toEqual(contactNotificationLabels);
	});
});

describe('The language chosen', () => {
	test('Swaps the words in place, sets the page\u2019s language and direction, and back', () => {
		const columns = strings.tickets.columns;
		setLanguage('de');
		expect(strings.tickets.title).toBe('Tickets');
		expect(strings.menu.knowledgeBase).toBe('Wissensdatenbank');
		// A part of the words someone holds changes with them.
		expect(columns.subject).toBe('Betreff');
		expect(strings.status('resolved')).toBe('Gelöst');
		expect(document.documentElement.lang).toBe('de');
		expect(document.documentElement.dir).toBe('ltr');
		expect(passwordErrors({ password: 'short', confirm: 'short' }).password).toBe(
			'Das Passwort braucht mindestens 8 Zeichen.',
		);
		setLanguage('en');
		expect(columns.subject).toBe('Subject');
		expect(document.documentElement.lang).toBe('en');
		// No catalogue was written into by the swap.
		expect(en.tickets.columns.subject).toBe('Subject');
		expect(de.tickets.columns.subject).toBe('Betreff');
	});

	test('Draws the menu again in the new language', async () => {
		const router = createRouter({
			history: createMemoryHistory(),
			routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }],
		});
		await router.push('/');
		const capabilities = normalizeGroupPermissions(
			systemGroups.find((group) => group.name === 'Basic')?.permissions ?? {},
		) as Capabilities;
		const menu = mount(MainMenu, { props: { capabilities }, global: { plugins: [router] } });
		expect(menu.text()).toContain('Knowledge base');
		setLanguage('de');
		await menu.vm.$nextTick();
		expect(menu.text()).toContain('Wissensdatenbank');
		expect(menu.text()).not.toContain('Knowledge base');
	});
});

describe('Refusals from the server', () => {
	const refusal = (code: string, extensions: Record<string, unknown> = {}, message = 'In English from the server') => ({
		errors: [{ message, extensions: { code, ...extensions } }],
	});

	test('Are said in the contact’s language, with the wait, the size or the invitation’s state they carry', () => {
		setLanguage('de');
		expect(describeApiError(refusal('TOO_MANY_SIGN_IN_ATTEMPTS', { retryAfter: 110 })).message).toBe(
			'Zu viele Anmeldeversuche für dieses Konto oder von dieser Adresse. Versuchen Sie es in 2 Minuten erneut oder setzen Sie Ihr Passwort zurück.',
		);
		expect(describeApiError(refusal('UPLOAD_TOO_LARGE', { limit: 10 * 1024 * 1024 })).message).toBe(
			'Diese Datei ist größer als 10,0 MB. Senden Sie eine kleinere Datei.',
		);
		expect(describeApiError(refusal('INVITATION_NOT_USABLE', { state: 'expired' })).message).toBe(
			de.invitation.notUsable.expired,
		);
		expect(describeApiError(refusal('VIEW_AS_REFUSED', { why: 'link_expired' })).message).toBe(
			de.errors.viewAsRefused.link_expired,
		);
		for (const code of ['TOO_MANY_PUBLIC_REQUESTS', 'REFERENCE_OUTSIDE_CUSTOMER', 'PORTAL_CLOSED', 'USER_SUSPENDED'])
			expect(describeApiError(refusal(code)).message).toBe(de.errors.byCode[code as keyof typeof de.errors.byCode]);
		setLanguage('en');
		expect(describeApiError(refusal('TOO_MANY_SIGN_IN_ATTEMPTS', { retryAfter: 30 })).message).toContain(
			'Try again in a minute,',
		);
	});

	test('Without the detail their words need, or with a code the portal does not know, the server’s own words stay', () => {
		setLanguage('de');
		expect(describeApiError(refusal('INVITATION_NOT_USABLE', { state: 'odd' })).message).toBe(
			'In English from the server',
		);
		expect(describeApiError(refusal('TOO_MANY_SIGN_IN_ATTEMPTS')).message).toBe('In English from the server');
		expect(describeApiError(refusal('SOMETHING_NEW')).message).toBe('In English from the server');
	});
});

describe('Dates, numbers and money', () => {
	const date = '2026-12-05T14:30:00';

	test('In English, day month year with a point for decimals', () => {
		setLanguage('en');
		expect(formatDate(date)).toBe('5 Dec 2026');
		expect(formatDateTime(date)).toBe('5 Dec 2026, 14:30');
		expect(formatMoney(1234.5)).toBe('1,234.50');
		expect(formatBytes(1536)).toBe('1.5 KB');
	});

	test('In German, as Germans write them, whatever the browser\u2019s language', () => {
		setLanguage('de');
		expect(formatDate(date)).toBe('5. Dez. 2026');
		expect(formatDateTime(date)).toBe('5. Dez. 2026, 14:30');
		expect(formatMoney(1234.5)).toBe('1.234,50');
		expect(formatBytes(1536)).toBe('1,5 KB');
		expect(formatDate(null)).toBe('—');
	});
});

describe('Right to left', () => {
	test('The portal app places things by where text starts and ends, not by left and right', () => {
		expect(physicalPlacements('extensions/portal-app/src')).toEqual([]);
	});
});
