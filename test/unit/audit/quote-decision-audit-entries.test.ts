import { describe, expect, test } from 'vitest';
import { quoteDecisionAuditEntries } from '../../../src/audit/quote-decision-audit-entries.ts';
import { bundledDataMap } from '../../../src/data-map/data-map.ts';

describe('Quote decisions in the audit log', () => {
	const quotes = bundledDataMap().quotes!;
	const options = { quotes, keys: [7], contact: { id: 3, customer: 1 }, actorUser: 'u1', ip: null };

	test('An approval and a decline are each their own action, by the contact, for their customer', () => {
		expect(quoteDecisionAuditEntries({ ...options, payload: { status: 'approved' } })).toEqual([
			{
				action: 'quote.approved',
				actor_user: 'u1',
				actor_contact: 3,
				customer: 1,
				target_collection: 'quotes',
				target_id: 7,
				ip: null,
			},
		]);
		expect(quoteDecisionAuditEntries({ ...options, payload: { status: 'declined' } })[0]?.action).toBe(
			'quote.declined',
		);
	});

	test('A write without a decided status is no decision', () => {
		expect(quoteDecisionAuditEntries({ ...options, payload: { title: 'New title' } })).toEqual([]);
		expect(quoteDecisionAuditEntries({ ...options, payload: { status: 'pending' } })).toEqual([]);
	});
});
