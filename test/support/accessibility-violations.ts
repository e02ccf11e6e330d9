/**
 * axe-core's WCAG 2.1 A and AA rules and its best practices, run on the page as it stands, for the browser tests: each violation in words a
 * reader can act on — the rule, how bad, the element it found and axe's one-line help.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type * as Axe from 'axe-core';
import type { Page } from 'playwright-core';

declare global {
	interface Window {
		axe: typeof Axe;
	}
}

let axeSource: Promise<string> | undefined;

/** The violations on `page`, one line each: `rule-id (impact) at selector: help`. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
	axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
	const source = await axeSource;
	// Evaluated through the browser's debugging protocol, not a <script>, so the portal's CSP does not refuse it.
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
	return page.evaluate(async () => {
		const results = await window.axe.run(document, {
			// WCAG 2.1 A and AA, and axe's best practices (a heading one, content inside landmarks, headings in order).
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
			// Only the violations: the passes and the undecided are most of axe's time and nobody reads them here.
			resultTypes: ['violations'],
		});
		return results.violations.flatMap((violation) =>
			violation.nodes.map(
				(node) => `${violation.id} (${violation.impact ?? 'unrated'}) at ${node.target.join(' ')}: ${violation.help}`,
			),
		);
	});
}
