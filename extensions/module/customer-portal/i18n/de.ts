/** The studio module's words in German (Sie-form, as Directus's own German), key for key as English's (en.ts). */
import type { Catalogue } from '../../../../src/i18n/catalogue.ts';
import type { en } from './en.ts';

const ticketScopes = {
	none: 'Keine Tickets',
	own: 'Tickets, die sie angefragt haben oder denen sie folgen',
	customer: 'Alle Tickets ihres Kunden',
	customer_tree: 'Alle Tickets ihres Kunden und der Kunden darunter',
};

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

export const de = {
	save: 'Speichern',
	cancel: 'Abbrechen',
	delete: 'Löschen',
	refresh: 'Aktualisieren',
	resend: 'Erneut senden',
	makeCopy: 'Kopie erstellen',
	nothing: '—',
	navigation: {
		groups: 'Gruppen',
		customers: 'Kunden',
		conversations: 'Unterhaltungen',
		settings: 'Einstellungen',
		viewAs: 'Ansehen als',
		audit: 'Protokoll',
		outbox: 'Postausgang',
		inbox: 'Posteingang',
		ratings: 'Bewertungen',
		dataMap: 'Datenzuordnung',
		uninstall: 'Deinstallieren',
	},
	hostNotice: (version: string) =>
		`Dies ist Directus ${version}. Das Kundenportal setzt seine Regeln nur unter Directus 11 durch, deshalb bleibt das Portal hier geschlossen: Kontakte können sich erst anmelden, wenn es unter Directus 11 läuft.`,
	unsavedChanges: {
		title: 'Ungespeicherte Änderungen',
		text: 'Möchten Sie diese Seite wirklich verlassen? Ihre Änderungen gehen verloren, wenn Sie sie nicht vorher speichern.',
		discard: 'Änderungen verwerfen',
		keep: 'Weiter bearbeiten',
	},
	errors: {
		byCode: {
			FORBIDDEN: 'Dazu fehlt Ihnen die Berechtigung.',
			TOKEN_EXPIRED: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an.',
		},
	},
	groups: {
		title: 'Portalgruppen',
		intro:
			'Eine Portalgruppe bestimmt, was ihre Kontakte im Portal sehen und tun. Systemgruppen lassen sich nicht ändern: Erstellen Sie eine Kopie und ändern Sie diese.',
		columns: { name: 'Gruppe', kind: 'Art', members: 'Mitglieder', description: 'Beschreibung' },
		default: 'Standard',
		system: 'System',
		custom: 'Eigene',
		confirmDelete: (name: string) => `Die Gruppe „${name}“ löschen?`,
		deleteExplained: 'Eine Gruppe, die noch verwendet wird, oder die Standardgruppe kann nicht gelöscht werden.',
		copyName: (name: string) => `Kopie von ${name}`,
	},
	groupEditor: {
		title: 'Portalgruppe',
		systemNotice: (name: string) =>
			`„${name}“ ist eine Systemgruppe: Sie kann weder geändert noch gelöscht werden. Erstellen Sie eine Kopie, um daraus eine eigene Gruppe zu machen.`,
		unsavedCopy: 'Eine Kopie, noch nicht gespeichert: Sie entsteht erst beim Speichern.',
		saved: 'Gespeichert. Kontakte dieser Gruppe erhalten die neuen Berechtigungen bei ihrer nächsten Anfrage.',
		name: 'Name',
		description: 'Beschreibung',
		assignableByClient: 'Ein Administrator des Kunden darf diese Gruppe seinen Kollegen geben',
		needsFirst: (label: string) => `Erfordert zuerst „${label}“.`,
		areas: {
			tickets: 'Tickets',
			projects: 'Projekte',
			devices: 'Geräte',
			knowledge: 'Wissen',
			financials: 'Finanzen',
			account: 'Konto',
		},
		capabilities: {
			'tickets.view': {
				label: 'Tickets sehen',
				description: 'Welche Tickets der Kontakt sieht, mit ihrer öffentlichen Unterhaltung und den Beteiligten.',
				valueLabels: ticketScopes,
			},
			'tickets.edit': {
				label: 'Tickets bearbeiten',
				description:
					'Welche Tickets der Kontakt ändern darf (Betreff, Beschreibung und Status). Nie mehr, als er sieht.',
				valueLabels: ticketScopes,
			},
			'tickets.create': {
				label: 'Tickets erstellen',
				description: 'Neue Tickets für den eigenen Kunden einreichen.',
			},
			'tickets.reply': {
				label: 'Auf Tickets antworten',
				description: 'Öffentliche Antworten auf Tickets schreiben, die sie sehen.',
			},
			'tickets.view_priority': {
				label: 'Ticketpriorität sehen',
				description: 'Die Priorität des Serviceteams auf Tickets sehen.',
			},
			'tickets.set_priority': {
				label: 'Ticketpriorität setzen',
				description:
					'Die Priorität neuer Tickets wählen und auf Tickets ändern, die sie bearbeiten dürfen. Sonst erhalten neue Tickets die Standardpriorität.',
			},
			'tickets.attachments': {
				label: 'Ticketanhänge',
				description:
					'Anhänge herunterladen, die im Portal als sichtbar markiert sind. Interne Anhänge und Kommentare sind nie sichtbar.',
				valueLabels: { none: 'Keine Anhänge', public: 'Öffentliche Anhänge' },
			},
			'projects.view': {
				label: 'Projekte sehen',
				description: 'Welche Projekte der Kontakt sieht. Bei „Keine Projekte“ zeigt das Portal kein Menü Projekte.',
				valueLabels: {
					none: 'Keine Projekte',
					member: 'Projekte, in deren Team sie sind',
					customer: 'Alle Projekte ihres Kunden',
					customer_tree: 'Alle Projekte ihres Kunden und der Kunden darunter',
				},
			},
			'projects.schedule': {
				label: 'Projektplan',
				description: 'Die Aufgaben und Termine eines Projekts sehen.',
			},
			'projects.notes': {
				label: 'Projektnotizen',
				description: 'Öffentliche Projektnotizen sehen und hinzufügen.',
			},
			'projects.attachments': {
				label: 'Projektanhänge',
				description: 'Projektanhänge herunterladen, die im Portal als sichtbar markiert sind.',
			},
			'projects.calendar': {
				label: 'Projektkalender',
				description: 'Die Besprechungen und Meilensteine eines Projekts sehen.',
			},
			'projects.issues': {
				label: 'Projektprobleme',
				description: 'Probleme eines Projekts sehen und melden.',
			},
			'projects.charges': {
				label: 'Projektkosten',
				description: 'Die Kosten eines Projekts sehen.',
			},
			'projects.estimated_hours': {
				label: 'Geschätzte Stunden',
				description: 'Die für ein Projekt und seine Aufgaben geschätzten Stunden sehen.',
			},
			'devices.access': {
				label: 'Geräte',
				description:
					'Ob der Kontakt Geräte sieht und sie hinzufügen und bearbeiten darf. Geschützte Felder wie Passwörter sind nie sichtbar.',
				valueLabels: {
					none: 'Keine Geräte',
					view: 'Geräte ansehen (nur lesen)',
					edit: 'Geräte hinzufügen und bearbeiten',
				},
			},
			'devices.scope': {
				label: 'Welche Geräte',
				description:
					'Welche Geräte seines Kunden der Kontakt sieht. Ohne Standort nur Geräte, die er registriert hat (und, wo gewählt, Geräte ohne Standort).',
				valueLabels: {
					none: 'Keine Geräte',
					created_or_location: 'Geräte, die sie registriert haben oder an ihrem Standort',
					created_location_or_unlocated: 'Geräte, die sie registriert haben, an ihrem Standort oder ohne Standort',
					all: 'Alle Geräte ihres Kunden',
				},
			},
			'devices.extra_fields': {
				label: 'Weitere Gerätedetails',
				description: 'Weitere Gerätefelder, die schreibgeschützt gezeigt werden.',
			},
			'kb.view': {
				label: 'Wissensdatenbank',
				description: 'Veröffentlichte Artikel lesen, die für alle oder für ihren Kunden bestimmt sind.',
			},
			'docs.view': {
				label: 'Dokumentation',
				description: 'Veröffentlichte Dokumente lesen, die für alle oder für ihren Kunden bestimmt sind.',
			},
			'invoices.view': {
				label: 'Rechnungen',
				description: 'Die Rechnungen ihres Kunden sehen.',
			},
			'quotes.decide': {
				label: 'Angebote',
				description:
					'Die Angebote ihres Kunden sehen und offene annehmen oder ablehnen. Wer wann entschieden hat, wird festgehalten.',
			},
			'profile.edit': {
				label: 'Eigenes Profil bearbeiten',
				description: 'Den eigenen Namen und die Telefonnummer ändern.',
			},
			'users.manage': {
				label: 'Portalzugänge verwalten',
				description:
					'Kontakte ihres Kunden einladen, ihnen eine von Kunden vergebbare Gruppe geben und ihre Zugänge sperren.',
			},
		},
	},
	customers: {
		title: 'Kunden',
		search: 'Kunden suchen',
		customer: 'Kunde',
		portalLogins: 'Portalzugänge',
		hidden: 'Vor den Kunden darüber verborgen',
		none: 'Keine Kunden.',
		noneMatch: 'Keine Kunden passen zur Suche.',
	},
	customer: {
		title: 'Kunde',
		allHaveLogins: 'Jeder aktive Kontakt mit einer Adresse hat bereits einen Zugang',
		inviteAll: (n: number) => `Alle ohne Zugang einladen (${n})`,
		columns: { contact: 'Kontakt', portal: 'Portal', group: 'Gruppe' },
		groupOf: (email: string) => `Portalgruppe von ${email}`,
		defaultGroup: 'Standardgruppe',
		enableLogin: 'Zugang einrichten',
		revoke: 'Widerrufen',
		viewAs: 'Ansehen als',
		suspend: 'Sperren',
		allowSignIn: 'Anmeldung erlauben',
		confirmInviteAll: (n: number, customer: string) => `${count(n, 'Kontakt', 'Kontakte')} von ${customer} einladen?`,
		inviteAllExplained: (addresses: string) =>
			`Jeder erhält eine E-Mail mit einem Link, um ein Passwort zu wählen: ${addresses}. Kontakte ohne Adresse oder die nicht aktiv sind, werden ausgelassen.`,
		andMore: (shown: string, more: number) => `${shown} und ${more} weitere`,
		sendInvitations: 'Einladungen senden',
		settingsOf: (customer: string) => `Portaleinstellungen von ${customer}`,
		visibleToParent:
			'Für die Kunden darüber sichtbar (deren Kontakte dürfen die Tickets und Projekte dieses Kunden sehen)',
		emailDomains: 'E-Mail-Domains',
		emailDomainsHint:
			'Öffentliche Anfragen und Selbstregistrierungen von diesen Domains werden diesem Kunden zugeordnet.',
		saveCustomer: 'Kunde speichern',
		status: {
			noLogin: 'Kein Zugang',
			invited: (until: string) => `Eingeladen bis ${until}`,
			invitationExpired: 'Einladung abgelaufen',
			active: 'Aktiv',
			suspended: 'Gesperrt',
		},
		done: {
			invited: (email: string) => `Einladung an ${email} gesendet.`,
			resent: 'Einladung mit neuem Link erneut gesendet.',
			revoked: 'Einladung widerrufen: Ihr Link funktioniert nicht mehr.',
			suspended: (email: string) => `${email} kann sich nicht mehr anmelden.`,
			unsuspended: (email: string) => `${email} darf sich wieder anmelden.`,
			groupChanged: (email: string) => `Gruppe von ${email} geändert.`,
			invitedAll: (invited: number, refused: number) =>
				refused > 0 ? `${invited} eingeladen, ${refused} abgelehnt.` : `${invited} eingeladen.`,
			saved: 'Kunde gespeichert.',
		},
	},
	tickets: {
		title: 'Unterhaltungen',
		intro:
			'Beantworten Sie ein Ticket so, wie Kontakte es sehen: Eine Antwort an den Kunden geht per E-Mail an alle, die dem Ticket folgen; eine interne Notiz sehen nur Mitarbeitende.',
		which: 'Welche Tickets',
		search: 'Tickets suchen',
		unsolved: 'Ungelöst',
		all: 'Alle Tickets',
		columns: { subject: 'Betreff', customer: 'Kunde', status: 'Status', changed: 'Geändert' },
		statuses: {
			new: 'Neu',
			open: 'Offen',
			pending: 'Wartet auf den Kunden',
			resolved: 'Gelöst',
			closed: 'Geschlossen',
		},
	},
	conversation: {
		title: 'Unterhaltung',
		requestedBy: (name: string) => `Angefragt von ${name}`,
		asContactsSee: (notes: number) => `Wie Kontakte es sehen (blendet ${notes} interne aus)`,
		empty: 'Noch nichts geschrieben.',
		internalNote: 'Interne Notiz · nur für Mitarbeitende',
		fromCustomer: 'Kunde',
		replyToCustomer: 'Antwort an den Kunden',
		placeholder: 'Antwort oder Notiz schreiben…',
		draftLabel: 'Antwort oder Notiz',
		noteAdded: 'Interne Notiz hinzugefügt: nur für Mitarbeitende.',
		replySent: 'Antwort gesendet: Der Kunde sieht sie und erhält eine E-Mail.',
		statusNow: (status: string) => `Das Ticket ist jetzt „${status}“.`,
		thenSet: 'Danach das Ticket setzen auf',
		keepStatus: 'Status beibehalten',
		addNote: 'Interne Notiz hinzufügen',
		sendReply: 'Antwort an den Kunden senden',
	},
	settings: {
		title: 'Portaleinstellungen',
		signInAt: 'Kontakte melden sich an unter',
		saved: 'Einstellungen gespeichert.',
		shownAs: 'Für Kunden angezeigt als',
		changeShownAs: 'Ändern',
		shownAsLabel: 'Der Name, den Kunden bei Ihren Antworten sehen',
		shownAsHint:
			'Leer: benannt, wie es die Portaleinstellungen vorsehen. Höchstens 60 Zeichen, nie eine E-Mail-Adresse.',
		portalName: 'Name des Portals',
		portalNamePlaceholder: 'Der Projektname',
		accentColor: 'Akzentfarbe',
		parentVisibility:
			'Kontakte eines übergeordneten Kunden dürfen die Kunden darunter sehen (soweit ihre Gruppe es erlaubt)',
		defaultGroup: 'Standardgruppe neuer Portalkontakte',
		inviteTtl: 'Einladungslinks bleiben gültig für (Stunden)',
		notifyRole: 'Mitarbeitende, die von Nachrichten eines Kontakts auf nicht zugewiesenen Tickets erfahren',
		notifyRolePlaceholder: 'Die Inhaber der Richtlinie Portal staff',
		accessMode: 'Wer das Portal nutzen darf',
		accessModes: {
			registered_only: 'Nur registrierte Kontakte',
			public: 'Öffentliche Wissensdatenbank und Anfragen (zum Verfolgen ist eine Anmeldung nötig)',
		},
		staffNames: 'Mitarbeitende, die Tickets beantworten, werden Kontakten gezeigt mit',
		staffNameStyles: {
			full_name: 'Vollem Namen (Ana Rivera)',
			first_name_initial: 'Vorname und Initiale (Ana R.)',
			first_name: 'Vorname (Ana)',
			team: 'Keinen Namen: „Serviceteam“',
		},
		selfSignup: 'Selbstregistrierung',
		selfSignups: { off: 'Aus', matching_domain: 'Wenn die E-Mail-Domain zu der eines Kunden passt' },
	},
	viewAs: {
		title: 'Ansehen als',
		explained:
			'Sehen Sie das Portal genau so, wie ein Kontakt es sieht, in einem neuen Tab – um eine Gruppe zu prüfen, bevor Sie sie einführen. Es ist schreibgeschützt: Was etwas ändern würde, ist abgeschaltet, im Namen des Kontakts lässt sich nichts ändern, und Sie erhalten nie sein Passwort oder seine Sitzung. Jede Nutzung wird im Protokoll festgehalten; der Link gilt 30 Minuten, nur in diesem Browser, solange Sie angemeldet sind.',
		search: 'Kontakte mit Portalzugang nach Name oder E-Mail suchen',
		columns: { contact: 'Kontakt', customer: 'Kunde', group: 'Gruppe' },
		defaultGroup: 'Standardgruppe',
		open: 'Portal ansehen als',
	},
	audit: {
		title: 'Portalprotokoll',
		columns: { when: 'Wann', action: 'Aktion', by: 'Von', customer: 'Kunde', target: 'Ziel' },
		customer: 'Kunde',
		everyCustomer: 'Alle Kunden',
		contact: 'Kontakt: Name oder E-Mail',
		action: 'Aktion',
		everyAction: 'Alle Aktionen',
		from: 'Von',
		to: 'Bis',
		actions: {
			'contact.access_changed': 'Hat den Portalzugang eines Kontakts geändert',
			'contact.unsubscribed': 'Hat E-Mails abbestellt',
			'customer.visibility_changed': 'Hat die Sichtbarkeit eines Kunden für den übergeordneten geändert',
			'data_map.saved': 'Hat die Datenzuordnung gespeichert',
			'doctor.policies_restored': 'Hat die Richtlinien des Portals wiederhergestellt',
			'group.changed': 'Hat eine Portalgruppe geändert',
			'group.created': 'Hat eine Portalgruppe erstellt',
			'invitation.accepted': 'Hat eine Einladung angenommen',
			'invitation.resent': 'Hat eine Einladung erneut gesendet',
			'invitation.revoked': 'Hat eine Einladung widerrufen',
			'invitation.sent': 'Hat eine Einladung gesendet',
			'mail.resent': 'Hat eine E-Mail erneut gesendet',
			'profile.notifications_changed': 'Hat die eigenen Benachrichtigungen geändert',
			'profile.password_changed': 'Hat das eigene Passwort geändert',
			'public.request': 'Hat eine Anfrage ohne Zugang gesendet',
			'quote.approved': 'Hat ein Angebot angenommen',
			'quote.declined': 'Hat ein Angebot abgelehnt',
			'self_signup.requested': 'Hat um Registrierung gebeten',
			'team.contact_added': 'Hat einen Kollegen hinzugefügt',
			'team.group_changed': 'Hat die Gruppe eines Kollegen geändert',
			'team.password_reset': 'Hat einem Kollegen ein Zurücksetzen des Passworts gesendet',
			'team.reactivated': 'Hat einem Kollegen die Anmeldung wieder erlaubt',
			'team.suspended': 'Hat einen Kollegen gesperrt',
			'ticket.attachment_added': 'Hat eine Datei an ein Ticket angehängt',
			'view_as.started': 'Hat das Portal als Kontakt angesehen',
		},
		hidCustomer: 'Hat einen Kunden vor dem übergeordneten verborgen',
		showedCustomer: 'Hat einen Kunden für den übergeordneten sichtbar gemacht',
		targets: {
			contacts: 'Kontakt',
			customers: 'Kunde',
			tickets: 'Ticket',
			quotes: 'Angebot',
			portal_groups: 'Portalgruppe',
			portal_invitations: 'Einladung',
			portal_outbox: 'E-Mail',
			directus_users: 'Benutzer',
		},
		portalSettings: 'Portaleinstellungen',
		invitationTo: (email: string) => `an ${email}`,
		mailTo: (subject: string, recipient: string) => `„${subject}“ an ${recipient}`,
	},
	outbox: {
		title: 'Portal-Postausgang',
		intro:
			'Jede E-Mail des Portals wartet hier, bis der Mailserver sie annimmt; solange der Server nicht erreichbar ist, wird sie zwei Tage lang erneut versucht, mit der Zeit seltener. Anmeldelinks werden einmal gesendet und nicht aufbewahrt.',
		status: 'Status',
		everyMail: 'Alle E-Mails',
		statuses: {
			queued: 'Wartet',
			sending: 'Wird gesendet',
			sent: 'Gesendet',
			failed: 'Fehlgeschlagen',
			cancelled: 'Abgebrochen',
		},
		columns: { queued: 'Eingereiht', to: 'An', subject: 'Betreff', status: 'Status' },
		sentAt: (when: string) => `Gesendet ${when}`,
		waiting: (attempts: number, next: string) => `Wartet: ${count(attempts, 'Versuch', 'Versuche')}, nächster ${next}`,
		sendNow: 'Jetzt senden',
		invitationResent: (recipient: string) => `Ein neuer Einladungslink ist unterwegs an ${recipient}.`,
		mailResent: (recipient: string) => `Die E-Mail an ${recipient} ist erneut unterwegs.`,
	},
	inbox: {
		title: 'Portal-Posteingang',
		intro:
			'E-Mails an den Service: Die Antwort eines Kontakts auf eine Ticket-E-Mail wird seine Antwort im Ticket, und eine neue E-Mail eröffnet ein Ticket, wo seine Gruppe es erlaubt. Automatische Antworten, Unzustellbarkeitsmeldungen und Verteiler werden ignoriert; ein Absender, der nicht der Kontakt ist, an den eine Ticket-E-Mail ging, fügt nichts hinzu.',
		statuses: { accepted: 'Übernommen', ignored: 'Ignoriert', refused: 'Abgelehnt' },
		columns: { received: 'Empfangen', from: 'Von', subject: 'Betreff', outcome: 'Was daraus wurde' },
	},
	ratings: {
		title: 'Zufriedenheitsbewertungen',
		intro: (days: number) =>
			`Wie Kontakte den Service bewertet haben, nachdem ihr Ticket gelöst oder geschlossen wurde. Nur wer ein Ticket angefragt hat, bewertet es und kann die Bewertung ${days} Tage lang ändern. Gezählt und aufgeführt werden nur Tickets, die Sie lesen dürfen.`,
		lastDays: (days: number) => `Letzte ${days} Tage`,
		answers: { good: 'Gut', bad: 'Schlecht' },
		goodShare: (share: string) => `Gut: ${share}`,
		filter: 'Bewertung',
		both: 'Gut und schlecht',
		columns: {
			rating: 'Bewertung',
			ticket: 'Ticket',
			contact: 'Kontakt',
			customer: 'Kunde',
			comment: 'Kommentar',
			date: 'Datum',
		},
		rated: { good: 'Als gut bewertet', bad: 'Als schlecht bewertet' },
	},
	dataMap: {
		title: 'Datenzuordnung',
		adminsOnly: 'Nur Directus-Administratoren können die Datenzuordnung sehen, prüfen und speichern.',
		intro:
			'Die Datenzuordnung legt fest, welche Ihrer Sammlungen und Felder die Kunden, Kontakte, Tickets und alles Weitere des Portals darstellen. Probieren Sie unten eine Zuordnung für Ihre eigenen Sammlungen und drücken Sie Prüfen, um zu sehen, ob sie passt und was eine Gruppe damit erhielte. Prüfen ändert nichts; passt eine Zuordnung, stellt Speichern das Portal auf sie um.',
		current: 'Die Zuordnung, mit der das Portal läuft',
		runsOnStored: 'Das Portal läuft mit einer für dieses Directus gespeicherten Datenzuordnung.',
		runsOnBundled:
			'Das Portal läuft mit den mitgelieferten Helpdesk-Sammlungen (Kunden, Kontakte, Tickets und alles Weitere, unter den Namen des mitgelieferten Schemas).',
		liveProblems:
			'Diese Zuordnung passt nicht mehr zum Schema, deshalb ist das Portal geschlossen, bis sie wieder passt. Die Probleme stehen hier und neben den Rollen, die sie nennen.',
		fits: 'Die Zuordnung passt zum Schema.',
		liveAdditions: 'Felder, die das Portal für diese Zuordnung anlegt und pflegt',
		forRole: (role: string) => `für ${role}`,
		onColumn: 'auf',
		missingIndexes: (n: number) =>
			`Das Portal filtert oder sortiert nach ${n === 1 ? 'einer Spalte' : 'Spalten'}, mit der kein Index beginnt, daher lesen die Listen der Kontakte die ganze Tabelle. Erneutes Speichern der Zuordnung legt für jede einen Index des Portals an.`,
		checkTitle: 'Die Zuordnung unten prüfen',
		previewOf: 'Vorschau der Berechtigungen von',
		chooseGroup: 'Gruppe für die Vorschau wählen',
		theGroup: 'Die Gruppe',
		systemGroup: (name: string) => `${name} (Systemgruppe)`,
		check: 'Prüfen',
		saved:
			'Gespeichert: Das Portal läuft ab der nächsten Anfrage mit dieser Zuordnung, und jede Gruppe wurde auf sie übertragen.',
		adopted: (n: number) =>
			n === 1
				? '1 Benutzer, den Ihre Kontakte bereits verknüpft hatten, hat jetzt das Portal.'
				: `${n} Benutzer, die Ihre Kontakte bereits verknüpft hatten, haben jetzt das Portal.`,
		staffLeft: (users: string) =>
			`Mit Kontakten verknüpft, aber als Mitarbeitende tätig, daher unverändert gelassen (geben Sie diesen Kontakten eigene Benutzer): ${users}.`,
		changedSinceCheck:
			'Die Zuordnung oder die Gruppe hat sich seit dieser Prüfung geändert: Drücken Sie erneut Prüfen, um den Stand Ihrer Änderungen zu sehen.',
		doesNotFit: (n: number) =>
			`Diese Zuordnung passt nicht: ${count(n, 'Problem', 'Probleme')}, auch neben den Rollen gezeigt, die sie nennen.`,
		checkFits: (group: string, rows: number) =>
			`Diese Zuordnung passt. ${group} erhielte damit ${rows} Berechtigungszeilen.`,
		checkAdditions: 'Felder, die das Portal anlegen und pflegen würde',
		checkIndexes: 'Indizes, die das Portal auf den Spalten anlegen würde, nach denen es filtert und sortiert',
		saveMap: 'Diese Zuordnung speichern',
		confirmTitle: 'Das Portal auf diese Zuordnung umstellen?',
		confirmText:
			'Jede Portalgruppe wird sofort auf diese Sammlungen übertragen, und Kontakte melden sich als die Datensätze an, die diese Zuordnung nennt: Benutzer von Kontakten, die sie nicht mehr nennt, verlieren das Portal.',
		confirmAdditions: (n: number) =>
			`Das Portal legt ${count(n, 'eigenes Feld', 'eigene Felder')} in Ihren Sammlungen an; die Deinstallation des Portals entfernt sie.`,
		confirmIndexes: (n: number) =>
			`Es indiziert ${count(n, 'Spalte', 'Spalten')} von Ihnen (bei einer großen Tabelle dauert das einen Moment); die Deinstallation des Portals entfernt ${n === 1 ? 'diesen Index' : 'diese Indizes'}.`,
		sections: {
			customers: 'Kunden & Kontakte',
			tickets: 'Tickets',
			projects: 'Projekte',
			devices: 'Geräte',
			knowledge: 'Wissen',
			financials: 'Finanzen',
			other: 'Weiteres',
		},
		keptByPortal: (parent: string) => `Vom Portal gepflegt; genutzt, wenn ${parent} genutzt werden.`,
		itsObject: 'sein Objekt',
		collectionFor: (object: string) => `Sammlung für ${object}`,
		chooseCollection: (object: string) => `Sammlung für ${object} wählen`,
		required: (object: string) => `Erforderlich: Ohne ${object} kann das Portal nicht arbeiten.`,
		unusedWhile: (parent: string) => `Nicht genutzt, solange ${parent} nicht genutzt werden.`,
		optional: ' · optional',
		addedByPortal: 'Das Portal legt dieses Feld an und pflegt es.',
		notUsedBecause: (reason: string) => `Nicht genutzt: ${reason}.`,
		chooseField: (role: string) => `Feld für ${role} wählen`,
		valuesOf: (role: string) => `Werte von ${role} (durch Kommas getrennt)`,
		notUsed: 'Nicht genutzt',
		doesNotFitField: (field: string) => `${field} (passt nicht)`,
		kinds: {
			key: 'der Primärschlüssel',
			text: 'Text',
			boolean: 'Ja oder Nein',
			number: 'eine Zahl',
			date: 'ein Datum',
			list: 'eine Liste (CSV oder JSON)',
			m2o: (target: string) => `eine Verknüpfung zu ${target}`,
			o2m: (target: string) => `die Liste von ${target}`,
			path: (target: string) => `ein Pfad von Verknüpfungen zu ${target}`,
		},
		systemTargets: {
			directus_users: 'Directus-Benutzer',
			directus_files: 'Dateien',
			directus_policies: 'Zugriffsrichtlinien',
		},
		preview: {
			collection: 'Sammlung',
			action: 'Aktion',
			fields: 'Felder',
			rule: 'Regel',
			forCapabilities: (keys: string) => `für ${keys}`,
			none: 'keine',
			whichRows: 'Welche Zeilen',
			whatMayBeWritten: 'Was geschrieben werden darf',
			noRule: 'Keine Regel',
		},
	},
	uninstall: {
		title: 'Deinstallieren',
		done: (n: number) => `Kundenportal ist deinstalliert: ${n} Dinge entfernt.`,
		nextSteps: 'Entfernen Sie jetzt das Paket aus diesem Directus (',
		nextStepsAfter:
			'im Directus-Projekt, oder nehmen Sie es aus Ihrem Image) und starten Sie Directus neu. Solange das Paket nicht entfernt ist, installiert der nächste Neustart das Portal wieder.',
		warning:
			'Deinstallieren entfernt alles, was das Kundenportal in diesem Directus angelegt hat. Es lässt sich nicht rückgängig machen: Sichern Sie zuerst die Datenbank. Nur Directus-Administratoren können es.',
		removed: 'Entfernt',
		collections: (names: string) => `Sammlungen: ${names}`,
		fields: (names: string) => `Felder von Sammlungen, die bleiben: ${names}`,
		policies: (names: string) => `Richtlinien: ${names}`,
		logins: (n: number) => `Die Portalrolle und ihre ${n} Portalzugänge (die Kontakte bleiben, ohne Zugang)`,
		triggers:
			'Die Datenbank-Trigger, -Funktionen und -Indizes des Portals und der Platz dieses Moduls in der Modulleiste',
		kept: 'Behalten',
		keptNothing: 'Nichts vom Helpdesk: Seine Sammlungen und ihre Daten werden ebenfalls entfernt.',
		keptCollections: (names: string) => `Als einfache Directus-Sammlungen, mit ihren Daten: ${names}`,
		none: 'keine',
		removeData: 'Auch die Helpdesk-Sammlungen und all ihre Daten entfernen',
		type: 'Geben Sie',
		toConfirm: 'zur Bestätigung ein',
		button: 'Kundenportal deinstallieren',
	},
} satisfies Catalogue<typeof en>;
