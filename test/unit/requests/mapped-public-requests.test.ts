import { describe, expect, test } from 'vitest';
import { bundledDataMap } from '../../../src/data-map/data-map.ts';
import { listedDomains } from '../../../src/requests/email-domains.ts';
import { publicTicketPayload } from '../../../src/requests/public-ticket-payload.ts';
import { takesPublicRequests } from '../../../src/requests/takes-public-requests.ts';
import { secondSchemaMap } from '../../support/second-schema/second-schema-map.ts';

const request = { customer: 7, requester: 12, subject: 'Printer', description: '' };

describe('A public request filed as a ticket of the mapped collection', () => {
	test('the bundled tickets get the bundled fields and the status "new"', () => {
		const tickets = bundledDataMap().tickets;
		expect(takesPublicRequests(tickets)).toBe(true);
		if (!takesPublicRequests(tickets)) return;
		expect(publicTicketPayload(tickets, { ...request, description: 'It jams.' })).toEqual({
			customer: 7,
			contact: 12,
			subject: 'Printer',
			description: 'It jams.',
			status: 'new',
		});
	});

	test("the second schema's cases get their own names, the first value meaning new, and no empty description", () => {
		const cases = secondSchemaMap().tickets;
		if (!takesPublicRequests(cases)) throw new Error('The second schema takes public requests.');
		expect(publicTicketPayload(cases, request)).toEqual({
			account: 7,
			opened_by: 12,
			title: 'Printer',
			details: null,
			state: 'new',
		});
		const states = { status: { ...cases.states?.status, new: ['fresh', 'new'] } };
		expect(publicTicketPayload({ ...cases, states }, request)['state']).toBe('fresh');
		expect(
			publicTicketPayload({ ...cases, fields: { ...cases.fields, description: null } }, request),
		).not.toHaveProperty('details');
	});

	test('no tickets, a customer reached through a chain, or no value for new: the form is off', () => {
		const tickets = bundledDataMap().tickets;
		if (!tickets) throw new Error('The bundled map has tickets.');
		expect(takesPublicRequests(null)).toBe(false);
		expect(takesPublicRequests({ ...tickets, fields: { ...tickets.fields, customer: 'site.account' } })).toBe(false);
		expect(takesPublicRequests({ ...tickets, states: { status: { open: ['open'] } } })).toBe(false);
		expect(takesPublicRequests({ ...tickets, states: { status: { new: [] } } })).toBe(false);
	});
});

describe('listedDomains', () => {
	test('reads comma-separated text, a JSON list stored as text, or a list; lower-cased and trimmed', () => {
		expect(listedDomains(' Example.com, ,acme.io ')).toEqual(['example.com', 'acme.io']);
		expect(listedDomains('["Example.com", " acme.io"]')).toEqual(['example.com', 'acme.io']);
		expect(listedDomains(['Example.com', 3, ''])).toEqual(['example.com']);
	});

	test('lists none for nothing, broken JSON or anything else', () => {
		for (const stored of [null, undefined, '', '[broken', '{"a":1}', 12, { domains: ['a.com'] }])
			expect(listedDomains(stored)).toEqual([]);
	});
});
