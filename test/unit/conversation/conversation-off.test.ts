import type { Accountability } from '@directus/types';
import { describe, expect, test } from 'vitest';
import { addStaffReply } from '../../../src/conversation/add-staff-reply.ts';
import { readStaffConversation } from '../../../src/conversation/read-staff-conversation.ts';
import { bundledDataMap } from '../../../src/data-map/data-map.ts';
import type { DirectusContext } from '../../../src/directus/directus-context.ts';

// Both refuse before they read anything: no Directus is needed to ask them.
const unused = {} as DirectusContext;
const staff = { user: 'a0000000-0000-4000-8000-000000000001', role: null, admin: false } as Accountability & {
	user: string;
};
const featureOff = {
	status: 403,
	code: 'PORTAL_FEATURE_OFF',
	message: 'Ticket conversations is switched off for this portal.',
};

describe('A data map that keeps no ticket replies', () => {
	test('Has no conversation to read or answer: a clear 403, not a server error', async () => {
		const map = { ...bundledDataMap(), ticket_replies: null };
		await expect(readStaffConversation(unused, staff, map, 1)).rejects.toMatchObject(featureOff);
		await expect(
			addStaffReply(unused, staff, map, 1, { body: 'Fixed.', internal: false, status: null, attachments: [] }, () =>
				Promise.resolve(),
			),
		).rejects.toMatchObject(featureOff);
		await expect(readStaffConversation(unused, staff, { ...bundledDataMap(), tickets: null }, 1)).rejects.toMatchObject(
			featureOff,
		);
	});
});
