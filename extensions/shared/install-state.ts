import type { InstallOutcome } from '../../src/install/install-product-schema.ts';

/**
 * How this process's start-up install of the product's schema ended, shared by the hook that runs it, the
 * other hooks (which act only on a schema that is the product's) and the endpoint. `null` until it ran.
 */
export const installState: { outcome: InstallOutcome | null } = { outcome: null };

/**
 * Whether the collections of the product's names are the product's: installed here, or installed by a
 * newer version (then the portal stays closed, but its users are still kept out). Not while nothing is
 * installed, nor when the names belong to the team's own collections.
 */
export function productSchemaOwned(): boolean {
	const status = installState.outcome?.status;
	return status === 'installed' || status === 'newer';
}
