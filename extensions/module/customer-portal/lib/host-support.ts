/** The portal's rules hold only on Directus 11: anything else (or an unknown version when one is reported) keeps it closed. */
export function isSupportedDirectusVersion(version: string): boolean {
	return /^11\.\d+\.\d+/.test(version.trim());
}
