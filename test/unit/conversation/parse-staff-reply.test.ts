import { describe, expect, test } from 'vitest';
import { parseStaffReply, staffReplyMaxLength } from '../../../src/conversation/add-staff-reply.ts';

describe('A staff reply as the studio sends it', () => {
	test('Says its kind as a boolean, and keeps the text as written but for the ends’ blank space', () => {
		expect(parseStaffReply({ body: '  Fixed.\n', internal: false })).toEqual({
			body: 'Fixed.',
			internal: false,
			status: null,
			attachments: [],
		});
		expect(parseStaffReply({ body: 'مرحبا **x**', internal: true })).toEqual({
			body: 'مرحبا **x**',
			internal: true,
			status: null,
			attachments: [],
		});
	});

	test('May set the ticket’s state with it, to any state but "new"', () => {
		for (const status of ['open', 'pending', 'resolved', 'closed'])
			expect(parseStaffReply({ body: 'Done.', internal: false, status }).status).toBe(status);
		expect(parseStaffReply({ body: 'Done.', internal: true, status: null }).status).toBeNull();
	});

	test('Carries the files uploaded for it, each once, at most ten', () => {
		expect(
			parseStaffReply({
				body: 'See the log.',
				internal: false,
				attachments: [3, '3', 'A0000000-0000-4000-8000-000000000001'],
			}).attachments,
		).toEqual([3, 'a0000000-0000-4000-8000-000000000001']);
		expect(() =>
			parseStaffReply({ body: 'Logs.', internal: false, attachments: Array.from({ length: 11 }, (_, i) => i + 1) }),
		).toThrow(/at most 10 files/);
	});

	test.each([
		[{ body: 'Fixed.' }, /internal note or a reply/],
		[{ body: 'Fixed.', internal: 'true' }, /internal note or a reply/],
		[{ body: 'Fixed.', internal: 1 }, /internal note or a reply/],
		[{ body: 'Fixed.', internal: null }, /internal note or a reply/],
		[null, /internal note or a reply/],
		['Fixed.', /internal note or a reply/],
		[{ body: ' \n ', internal: false }, /Write something/],
		[{ body: 42, internal: false }, /Write something/],
		[{ body: 'x'.repeat(staffReplyMaxLength + 1), internal: true }, /longer than 50,000 characters/],
		[{ body: 'Fixed.', internal: false, status: 'new' }, /one of open, pending, resolved, closed/],
		[{ body: 'Fixed.', internal: false, status: 'Resolved' }, /one of open, pending, resolved, closed/],
		[{ body: 'Fixed.', internal: false, status: 3 }, /one of open, pending, resolved, closed/],
		[{ body: 'Fixed.', internal: false, attachments: 'file.pdf' }, /lists the ids/],
		[{ body: 'Fixed.', internal: false, attachments: [{ id: 1 }] }, /lists the ids/],
		[{ body: 'Fixed.', internal: false, attachments: [-1] }, /lists the ids/],
	])('Refuses %j', (payload, reason) => {
		expect(() => parseStaffReply(payload)).toThrow(reason);
	});
});
