/**
 * Why View as is refused, in English (the server's message, src/errors/view-as-refused-error.ts, and the words of the
 * studio and the portal app) and in German (the apps'), by the reason the refusal names. Plain, with no imports: both
 * apps bundle it.
 */
export const viewAsRefusals = {
	no_contact: 'There is no such contact.',
	no_contact_named: 'Send "contact": the id of the contact to view the portal as.',
	no_login: 'This contact has no portal login yet: enable their login first, then view the portal as them.',
	login_off:
		'This contact’s portal login is suspended or not active: they cannot sign in, so there is no portal to see as them.',
	link_expired: 'This View as link has expired or is not valid: open View as again from the studio.',
	other_staff: 'View as works only for the staff member who opened it, signed in to the studio in the same browser.',
	not_staff: 'Only portal staff may view the portal as a contact.',
} as const;

export type ViewAsRefusal = keyof typeof viewAsRefusals;

export const viewAsRefusalsInGerman = {
	no_contact: 'Diesen Kontakt gibt es nicht.',
	no_contact_named: 'Senden Sie „contact“: die ID des Kontakts, als der Sie das Portal sehen wollen.',
	no_login:
		'Dieser Kontakt hat noch keinen Portal-Login: Schalten Sie seinen Login zuerst frei, dann sehen Sie das Portal als er.',
	login_off:
		'Der Portal-Login dieses Kontakts ist gesperrt oder nicht aktiv: Er kann sich nicht anmelden, also gibt es kein Portal, das Sie als er sehen könnten.',
	link_expired: 'Dieser „Ansehen als“-Link ist abgelaufen oder ungültig: Öffnen Sie „Ansehen als“ erneut im Studio.',
	other_staff:
		'„Ansehen als“ funktioniert nur für die Person aus dem Team, die es geöffnet hat, angemeldet im Studio im selben Browser.',
	not_staff: 'Nur das Portal-Team darf das Portal als ein Kontakt sehen.',
} as const satisfies Record<ViewAsRefusal, string>;
