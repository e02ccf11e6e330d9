/** Shared steps of the browser tests: a fresh browser context per person, signing in through the app's own form. */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { directusUnderTest } from '../support/directus-under-test.ts';

export const portalUrl = (path = '') => `${directusUnderTest().url}/portal/${path.replace(/^\//, '')}`;

/** A new page in its own context (own cookies), sized like a laptop unless told otherwise. */
export async function newPage(browser: Browser, viewport = { width: 1280, height: 860 }): Promise<Page> {
	const context = await browser.newContext({ viewport });
	return context.newPage();
}

export async function signInThroughForm(page: Page, login: { email: string; password: string }): Promise<void> {
	await page.goto(portalUrl('sign-in'));
	await page.getByLabel('E-mail address').fill(login.email);
	await page.getByLabel('Password').fill(login.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.getByRole('heading', { name: /^Welcome, / }).waitFor();
}

/** The menu's entries as the contact sees them. */
export async function menuEntries(page: Page): Promise<string[]> {
	const entries = await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link').allTextContents();
	expect(entries.length).toBeGreaterThan(0);
	return entries.map((entry) => entry.trim());
}
