import { labelOf } from '../../../../src/i18n/label-of.ts';
import { strings } from '../i18n/strings.ts';

/**
 * An audit action in the studio's words (i18n/en.ts `audit.actions`), with what its details add where they say more (which way a customer's
 * visibility went); an action this list does not know yet is shown as it is stored.
 */
export function auditActionWords(action: string, details: unknown = null): string {
	if (action === 'customer.visibility_changed' && typeof details === 'object' && details !== null) {
		const visible = (details as Record<string, unknown>)['visible_to_parent'];
		if (visible === false) return strings.audit.hidCustomer;
		if (visible === true) return strings.audit.showedCustomer;
	}
	return labelOf(strings.audit.actions, action);
}
