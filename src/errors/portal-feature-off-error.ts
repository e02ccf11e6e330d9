import { createError } from '@directus/errors';

export interface PortalFeatureOffErrorExtensions {
	feature: string;
}

/** A public route whose feature the portal settings switch off. */
export const PortalFeatureOffError = createError<PortalFeatureOffErrorExtensions>(
	'PORTAL_FEATURE_OFF',
	({ feature }) => `${feature} is switched off for this portal.`,
	403,
);
