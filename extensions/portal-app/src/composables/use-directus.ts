/**
 * The one Directus SDK client of the app. Session mode: Directus's own login sets an httpOnly session
 * cookie for this origin (the app is served by the same Directus), so no token is ever readable by
 * scripts and a page reload keeps the contact signed in. Directus's SameSite=Lax cookie keeps other
 * sites from sending writes with it.
 */
import { authentication, createDirectus, rest } from '@directus/sdk';
import type { DataMap } from '../../../../src/data-map/data-map.ts';
import { mappedFetch } from '../lib/mapped-fetch.ts';
import type { PortalSchema } from '../lib/portal-schema.ts';
import { viewAsTicket, withViewAs } from '../lib/view-as.ts';

/** The map the portal runs on, from /portal/api/me: null on the bundled help desk. */
let dataMap: DataMap | null = null;

/** Where the signed-in contact's portal runs on another map, the client translates its requests (lib/mapped-fetch.ts). */
export function setDataMap(map: DataMap | null): void {
	dataMap = map;
}

/** Told of every 401 but those of signing in and out: the session it was sent with may have ended. */
let unauthorized: () => void = () => undefined;

export function onUnauthorized(handler: () => void): void {
	unauthorized = handler;
}

/** A 401 where the caller is signed in, not one of the sign-in, refresh or password forms' own refusals. */
function tellUnauthorized(input: RequestInfo | URL, response: Response): Response {
	const url = input instanceof Request ? input.url : String(input);
	if (response.status === 401 && !new URL(url, window.location.origin).pathname.startsWith('/auth/')) unauthorized();
	return response;
}

function makeClient(url: string) {
	// Looks `fetch` up on every call rather than once, so tests can stand in for the server; adds the
	// View as ticket while staff view the portal as a contact.
	const globals = {
		fetch: mappedFetch(
			() => dataMap,
			async (input, init) => tellUnauthorized(input, await globalThis.fetch(input, withViewAs(init, viewAsTicket()))),
		),
	};
	return createDirectus<PortalSchema>(url, { globals })
		.with(authentication('session', { credentials: 'include', autoRefresh: true }))
		.with(rest({ credentials: 'include' }));
}

export type PortalClient = ReturnType<typeof makeClient>;

let client: PortalClient | null = null;

export function useDirectus(): PortalClient {
	client ??= makeClient(window.location.origin);
	return client;
}

/**
 * A GET of a portal route whose answer has `meta` besides `data` (the team list's assignable groups):
 * the SDK's request keeps only `data`, so this one uses the client's own fetch with the same session
 * cookie and throws the same `{ errors, response }` shape the SDK throws.
 */
export async function requestWithMeta<D, M>(path: string): Promise<{ data: D; meta: M }> {
	const client = useDirectus();
	const fetcher = client.globals.fetch as typeof fetch;
	const response = await fetcher(new URL(path, client.url).toString(), {
		credentials: 'include',
		headers: { Accept: 'application/json' },
	});
	const body = (await response.json().catch(() => ({}))) as { data?: D; meta?: M; errors?: unknown };
	if (!response.ok || body.errors) throw { errors: body.errors ?? [], response };
	return { data: body.data as D, meta: body.meta as M };
}
