/**
 * View as: staff open the portal from the studio with `#view-as=<ticket>` in the address. The ticket
 * moves into this tab's sessionStorage (off the address bar and out of the history), and every request
 * the app makes carries it, so the server answers as the contact — reads only. The fragment never
 * reaches the server or its logs.
 */
const storageKey = 'customer-portal.view-as';
export const viewAsHeader = 'X-Portal-View-As';

/** Takes a ticket from the address, if there is one. Returns the ticket in use, or null. */
export function takeViewAsTicket(
	location: Location = window.location,
	storage: Storage = window.sessionStorage,
): string | null {
	const match = /(?:^#|&)view-as=([^&]+)/.exec(location.hash);
	if (match?.[1]) {
		storage.setItem(storageKey, decodeURIComponent(match[1]));
		window.history.replaceState(window.history.state, '', `${location.pathname}${location.search}`);
	}
	return storage.getItem(storageKey);
}

export function viewAsTicket(storage: Storage = window.sessionStorage): string | null {
	return storage.getItem(storageKey);
}

/**
 * Whether this tab shows the portal as a contact, for staff: read-only, so forms and other write controls
 * are disabled up front (wrapped in `<fieldset class="writes" :disabled="isViewingAs()">`) rather than refused
 * by the server after the staff member filled them in.
 */
export function isViewingAs(storage: Storage = window.sessionStorage): boolean {
	return viewAsTicket(storage) !== null;
}

export function endViewAs(storage: Storage = window.sessionStorage): void {
	storage.removeItem(storageKey);
}

/** `init` with the View as header added while a ticket is in use. */
export function withViewAs(init: RequestInit | undefined, ticket: string | null): RequestInit | undefined {
	if (!ticket) return init;
	const headers = new Headers(init?.headers);
	headers.set(viewAsHeader, ticket);
	return { ...init, headers };
}
