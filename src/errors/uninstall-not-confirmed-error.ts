import { createError } from '@directus/errors';
import { uninstallConfirmation } from '../lifecycle/uninstall-confirmation.ts';

/** An uninstall asked for without the confirmation phrase: nothing is changed. */
export const UninstallNotConfirmedError = createError(
	'UNINSTALL_NOT_CONFIRMED',
	`Nothing was removed: to uninstall Customer Portal, send "confirm": "${uninstallConfirmation}", typed exactly.`,
	400,
);
