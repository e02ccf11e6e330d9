/**
 * The browser tab says which page it is: the page's heading and the portal's name ("Tickets · Acme Support"),
 * kept in step with the heading as it changes (a ticket's subject arrives after the page), so history, bookmarks
 * and screen readers name the page, not only the portal.
 */
import { useConfig } from './use-config.ts';

export function followPageTitle(root: HTMLElement): void {
	const { config } = useConfig();
	let pending = false;
	const update = () => {
		pending = false;
		const heading = root.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
		const title =
			heading && heading !== config.value.portal_name
				? `${heading} · ${config.value.portal_name}`
				: config.value.portal_name;
		if (document.title !== title) document.title = title;
	};
	new MutationObserver(() => {
		if (pending) return;
		pending = true;
		requestAnimationFrame(update);
	}).observe(root, { subtree: true, childList: true, characterData: true });
	update();
}
