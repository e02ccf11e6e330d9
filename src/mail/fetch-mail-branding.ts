import type { DirectusContext } from '../directus/directus-context.ts';
import { fetchPortalSettings } from '../settings/fetch-portal-settings.ts';
import type { PortalSettingsRecord } from '../access/portal-records.ts';
import { fallbackColor } from '../branding/safe-color.ts';
import type { MailBranding } from './portal-mails.ts';

/** The portal's branding, and the project's language for recipients who have none of their own. */
export interface ProjectMailBranding extends MailBranding {
	/** Directus's `default_language` (a tag such as `de-DE`, or null): see `portalLanguageOf`. */
	projectLanguage: string | null;
}

/**
 * The portal's name and colour: its own settings, else the Directus project's, as staff set them in the studio;
 * and the project's default language, read with them. A caller that has read the portal settings already passes
 * them.
 */
export async function fetchMailBranding(
	context: DirectusContext,
	portalSettings?: PortalSettingsRecord,
): Promise<ProjectMailBranding> {
	const project = (await context
		.knex('directus_settings')
		.select('project_name', 'project_color', 'default_language')
		.first()) as
		{ project_name?: string | null; project_color?: string | null; default_language?: string | null } | undefined;
	const portal = portalSettings ?? (await fetchPortalSettings(context));
	return {
		portalName: portal.portal_name || project?.project_name || 'Customer portal',
		accentColor: portal.accent_color || project?.project_color || fallbackColor,
		projectLanguage: project?.default_language ?? null,
	};
}
