/** What an admin types to confirm an uninstall, in the studio or at the command line. */
export const uninstallConfirmation = 'uninstall customer portal';

/** Whether `typed` is the confirmation phrase (surrounding spaces aside). */
export function isUninstallConfirmed(typed: unknown): boolean {
	return typeof typed === 'string' && typed.trim() === uninstallConfirmation;
}
