/**
 * What the portal e-mails contacts about, each a kind they can turn off in their profile or with the
 * one-click unsubscribe link of any mail of that kind.
 */
export const contactNotificationKinds = ['replies', 'status', 'added', 'account'] as const;

export type ContactNotificationKind = (typeof contactNotificationKinds)[number];

/** Each kind in the words the profile and the unsubscribe page use. */
export const contactNotificationLabels: Record<ContactNotificationKind, string> = {
	replies: 'Replies from the service team on tickets you follow',
	status: 'A ticket you follow waits on you, or is resolved',
	added: 'A colleague adds you to a ticket',
	account: 'Changes to your login (password changed, login suspended)',
};

export function isContactNotificationKind(value: unknown): value is ContactNotificationKind {
	return typeof value === 'string' && (contactNotificationKinds as readonly string[]).includes(value);
}
