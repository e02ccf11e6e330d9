import type { DirectusContext } from '../directus/directus-context.ts';
import { fetchPortalSettings } from '../settings/fetch-portal-settings.ts';
import type { PortalSettingsRecord } from '../access/portal-records.ts';
import { PortalFeatureOffError } from '../errors/portal-feature-off-error.ts';
import type { PublicRateLimits } from '../rate-limit/public-rate-limits.ts';
import type { DataMap } from '../data-map/data-map.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';

export interface PublicInputOptions<T extends { email: string }> {
	/** The feature in words for its refusal, and whether the settings switch it on (and the data map can have it). */
	feature: { name: string; isOn: (settings: PortalSettingsRecord, map: DataMap) => boolean };
	parse: (body: unknown) => T;
	body: unknown;
	limits: PublicRateLimits;
	ip: string | null;
}

/**
 * What every public route does before its work, in this order: the settings, the feature they must
 * switch on (and the data map must allow), the visitor's input, then one attempt counted for the client address and the e-mail address.
 */
export async function acceptPublicInput<T extends { email: string }>(
	context: DirectusContext,
	{ feature, parse, body, limits, ip }: PublicInputOptions<T>,
): Promise<{ settings: PortalSettingsRecord; input: T }> {
	const settings = await fetchPortalSettings(context);
	if (!feature.isOn(settings, await fetchDataMap(context))) throw new PortalFeatureOffError({ feature: feature.name });
	const input = parse(body);
	await limits.consume(ip, input.email);
	return { settings, input };
}
