import { labelOf } from '../../../../src/i18n/label-of.ts';
import { strings } from '../i18n/strings.ts';

/** A ticket's portal state in the studio's words; a stored value that is no portal state shows as it is. */
export function ticketStatusLabel(status: string | null | undefined): string {
	return status ? labelOf(strings.tickets.statuses, status) : '';
}
