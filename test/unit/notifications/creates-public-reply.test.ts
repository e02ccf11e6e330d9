import { describe, expect, test } from 'vitest';
import { createsPublicReply } from '../../../src/notifications/creates-public-reply.ts';

const replies = { field: 'comments', key: 'id', internal: 'is_internal' };

describe('createsPublicReply', () => {
	test('A new public reply in either of Directus’s forms', () => {
		expect(createsPublicReply({ status: 'pending', comments: [{ body: 'Send the log' }] }, replies)).toBe(true);
		expect(
			createsPublicReply(
				{ comments: { create: [{ body: 'x', is_internal: false }], update: [], delete: [] } },
				replies,
			),
		).toBe(true);
		expect(createsPublicReply({ comments: [{ body: 'x', id: null }] }, replies)).toBe(true);
	});

	test('Not an internal note, an edit, a link to a row already there, a deletion or no replies at all', () => {
		for (const internal of [true, 1, '1', 'true'])
			expect(createsPublicReply({ comments: [{ body: 'x', is_internal: internal }] }, replies)).toBe(false);
		expect(createsPublicReply({ comments: [{ id: 4, body: 'edited' }] }, replies)).toBe(false);
		expect(createsPublicReply({ comments: [4, 5] }, replies)).toBe(false);
		expect(createsPublicReply({ comments: { create: [], update: [{ id: 4 }], delete: [5] } }, replies)).toBe(false);
		expect(createsPublicReply({ status: 'resolved' }, replies)).toBe(false);
		expect(createsPublicReply(null, replies)).toBe(false);
		expect(createsPublicReply({ comments: 'nonsense' }, replies)).toBe(false);
	});

	test('Without an internal flag on the map, every new reply is public', () => {
		expect(createsPublicReply({ comments: [{ body: 'x', is_internal: true }] }, { ...replies, internal: null })).toBe(
			true,
		);
	});
});
