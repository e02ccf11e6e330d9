import { authentication, type AuthenticationClient, createDirectus, rest, type RestClient } from '@directus/sdk';

export type AdminClient = RestClient<Record<string, never>> & AuthenticationClient<Record<string, never>>;

/** A REST client signed in with Directus's own e-mail and password login. */
export async function signIn(url: string, email: string, password: string): Promise<AdminClient> {
	const client = createDirectus<Record<string, never>>(url)
		.with(authentication('json', { autoRefresh: false }))
		.with(rest());
	await client.login({ email, password });
	return client;
}
