import { describe, expect, test } from 'vitest';
import { portalRoleCheck } from '../../../src/access/portal-role-check.ts';

/** A reader that answers from a list in turn and counts its reads. */
function settingsSaying(...answers: (string | null)[]) {
	const reader = { reads: 0, read: async () => answers[Math.min(reader.reads++, answers.length - 1)] ?? null };
	return reader;
}

describe('portalRoleCheck', () => {
	test('Knows the portal role and other roles after one read each, and reads no more', async () => {
		const settings = settingsSaying('portal');
		const isPortalRole = portalRoleCheck(settings.read);
		expect(await isPortalRole('portal', null)).toBe(true);
		expect(await isPortalRole('staff', null)).toBe(false);
		expect(await isPortalRole('portal', null)).toBe(true);
		expect(await isPortalRole('staff', null)).toBe(false);
		expect(settings.reads).toBe(2);
	});

	test('A user without a role is never a portal user, and costs no read', async () => {
		const settings = settingsSaying('portal');
		expect(await portalRoleCheck(settings.read)(null, null)).toBe(false);
		expect(settings.reads).toBe(0);
	});

	test('While the settings name no portal role, nothing is remembered: the role made later is known at once', async () => {
		const settings = settingsSaying(null, null, 'portal');
		const isPortalRole = portalRoleCheck(settings.read);
		expect(await isPortalRole('portal', null)).toBe(false);
		expect(await isPortalRole('portal', null)).toBe(false);
		expect(await isPortalRole('portal', null)).toBe(true);
	});

	test('A portal role made anew (a new id) is recognised on its first request', async () => {
		const settings = settingsSaying('old', 'new');
		const isPortalRole = portalRoleCheck(settings.read);
		expect(await isPortalRole('old', null)).toBe(true);
		expect(await isPortalRole('new', null)).toBe(true);
	});
});
