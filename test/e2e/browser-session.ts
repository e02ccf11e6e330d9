/** Shared steps of the browser tests: a fresh browser context per person, signing in through the app's own form. */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { directusUnderTest } from '../support/directus-under-test.ts';

/** A page of the portal app of the Directus at `base` (the one the tests share, unless told). */
export const portalUrl = (path = '', base = directusUnderTest().url) => `${base}/portal/${path.replace(/^\//, '')}`;

/** A new page in its own context (own cookies), sized like a laptop unless told otherwise. */
export async function newPage(browser: Browser, viewport = { width: 1280, height: 860 }): Promise<Page> {
	const context = await browser.newContext({ viewport });
	return context.newPage();
}

/** The app's sign-in form, filled in and sent. */
async function submitSignIn(page: Page, login: { email: string; password: string }, base?: string): Promise<void> {
	await page.goto(portalUrl('sign-in', base));
	await page.getByLabel('E-mail address').fill(login.email);
	await page.getByLabel('Password').fill(login.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signInThroughForm(
	page: Page,
	login: { email: string; password: string },
	base?: string,
): Promise<void> {
	await submitSignIn(page, login, base);
	await page.getByRole('heading', { name: /^Welcome, / }).waitFor();
}

/** The menu's entries as the contact sees them. */
export async function menuEntries(page: Page): Promise<string[]> {
	const entries = await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link').allTextContents();
	expect(entries.length).toBeGreaterThan(0);
	return entries.map((entry) => entry.trim());
}

/** The link of an invitation mail. */
export function invitationLink(text: string): string {
	const match = /(http\S+\/portal\/accept-invitation\?token=[A-Za-z0-9_-]{43})/.exec(text);
	if (!match?.[1]) throw new Error(`No invitation link in:\n${text}`);
	return match[1];
}

/** The password form of an invitation link: choose a password twice and send it; the app signs the person in. */
export async function setInvitationPassword(page: Page, password: string, repeated = password): Promise<void> {
	await page.getByLabel('Choose a password').fill(password);
	await page.getByLabel('Repeat the password').fill(repeated);
	await page.getByRole('button', { name: 'Set password and sign in' }).click();
}

/**
 * Opens a ticket from the app's form (after its required fields were asked for) and replies to it; returns the
 * ticket's id. The form offers no priority (a contact who may set one is not who these flows sign in).
 */
export async function openTicketAndReply(
	page: Page,
	ticket: { subject: string; description: string; reply: string },
	base?: string,
): Promise<number> {
	await page.goto(portalUrl('tickets/new', base));
	await page.getByRole('button', { name: 'Create ticket' }).click();
	await page.getByText('This field is required.').waitFor();
	expect(await page.getByLabel('Priority').count()).toBe(0);
	await page.getByLabel('Subject').fill(ticket.subject);
	await page.getByLabel('Description').fill(ticket.description);
	await page.getByRole('button', { name: 'Create ticket' }).click();
	await page.getByRole('heading', { name: new RegExp(ticket.subject) }).waitFor();
	await page.getByLabel('Your reply').fill(ticket.reply);
	await page.getByRole('button', { name: 'Send reply' }).click();
	await page.getByText('Your reply was added.').waitFor();
	await expect
		.poll(() => page.getByTestId('comment').allTextContents())
		.toEqual([expect.stringContaining(ticket.reply)]);
	return Number(/tickets\/(\d+)/.exec(page.url())?.[1]);
}

/** The team page's invitation form, sent; waits until the colleague is listed as invited. */
export async function inviteFromTeamPage(
	page: Page,
	colleague: { first_name: string; last_name: string; email: string; access: string },
): Promise<void> {
	await page.getByLabel('Last name').fill(colleague.last_name);
	await page.getByLabel('First name').fill(colleague.first_name);
	await page.getByLabel('E-mail address').fill(colleague.email);
	await page.getByLabel('Access', { exact: true }).selectOption({ label: colleague.access });
	await page.getByRole('button', { name: 'Send invitation' }).click();
	await page.getByText(`Invitation sent to ${colleague.email}.`).waitFor();
	await page.locator(`tr[data-member="${colleague.email}"]`).getByText('Invited').waitFor();
}

/** The profile's password form, sent with the current and a new password. */
export async function changePassword(page: Page, current: string, next: string): Promise<void> {
	await page.getByLabel('Current password').fill(current);
	await page.getByLabel(/^New password/).fill(next);
	await page.getByLabel('Repeat the new password').fill(next);
	await page.getByRole('button', { name: 'Change password' }).click();
}

/** Signing in through the app's form is refused, and the page says the group gives no access, in words. */
export async function expectSignInRefused(
	page: Page,
	login: { email: string; password: string },
	base?: string,
): Promise<void> {
	await submitSignIn(page, login, base);
	await page
		.getByRole('alert')
		.getByText(/No Portal Access/)
		.waitFor();
	expect(page.url()).toContain('/portal/sign-in');
}
