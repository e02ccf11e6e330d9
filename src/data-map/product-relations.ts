/** A many-to-one of the product's own tables that names the collection playing a role of the map. */
export interface ProductRelation {
	collection: string;
	field: string;
	role: 'customers' | 'contacts';
	/**
	 * What becomes of the rows that name the previous collection: `delete` where they mean nothing without it
	 * (the tree is rebuilt, an invitation was for a person the portal no longer knows), `detach` where they are
	 * history (the key moves into the entry's details, with the collection it named), `clear` for a setting
	 * the product fills in again when it needs it (the customer of requests from unknown senders).
	 */
	rows: 'delete' | 'detach' | 'clear';
}

export const productRelations: readonly ProductRelation[] = [
	{ collection: 'customer_tree', field: 'customer', role: 'customers', rows: 'delete' },
	{ collection: 'customer_tree', field: 'ancestor', role: 'customers', rows: 'delete' },
	{ collection: 'portal_invitations', field: 'contact', role: 'contacts', rows: 'delete' },
	{ collection: 'portal_audit', field: 'customer', role: 'customers', rows: 'detach' },
	{ collection: 'portal_audit', field: 'actor_contact', role: 'contacts', rows: 'detach' },
	{ collection: 'portal_settings', field: 'unassigned_customer', role: 'customers', rows: 'clear' },
];
