/** The colour used wherever a stored one is unusable. */
export const fallbackColor = '#6644FF';

/**
 * Only a plain hex colour may reach a style attribute or a CSS variable; anything else falls back to the
 * neutral one. Pure, with no imports: the server's mails and the portal app share it.
 */
export function safeColor(color: string): string {
	return /^#[0-9a-fA-F]{3,8}$/.test(color) ? color : fallbackColor;
}
