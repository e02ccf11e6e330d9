import { describe, expect, test } from 'vitest';
import { parseStaffReply, staffReplyMaxLength } from '../../../src/conversation/add-staff-reply.ts';

describe('A staff reply as the studio sends it', () => {
	test('Says its kind as a boolean, and keeps the text as written but for the ends’ blank space', () => {
		expect(parseStaffReply({ body: '  Fixed.\n', internal: false })).toEqual({ body: 'Fixed.', internal: false });
		expect(parseStaffReply({ body: 'مرحبا **x**', internal: true })).toEqual({ body: 'مرحبا **x**', internal: true });
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
	])('Refuses %j', (payload, reason) => {
		expect(() => parseStaffReply(payload)).toThrow(reason);
	});
});
