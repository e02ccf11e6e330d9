import type { MailWording } from './mail-wording.ts';

/** German, in the Sie-form a German service desk writes in. */
export const german: MailWording = {
	locale: 'de-DE',
	common: {
		hello: (name) => `Guten Tag ${name},`,
		helloWithoutName: 'Guten Tag,',
		buttonFallback: 'Falls die Schaltfläche nicht funktioniert, kopieren Sie diese Adresse in Ihren Browser:',
		unsubscribe: 'Diese E-Mails abbestellen',
		replyMarker: '##- Bitte geben Sie Ihre Antwort oberhalb dieser Zeile ein -##',
		answerByMail: 'Sie können auch einfach auf diese E-Mail antworten.',
		openPortal: 'Portal öffnen',
		resetPassword: 'Passwort zurücksetzen',
		ignoreIfNotYou: 'Falls Sie das nicht waren, können Sie diese E-Mail ignorieren.',
		followsTicket: (ticket) => `Sie erhalten diese E-Mail, weil Sie an Ticket #${ticket} beteiligt sind.`,
		aboutLogin: 'Sie erhalten diese E-Mail, weil sich an Ihrem Zugang etwas geändert hat.',
		noSubject: '(kein Betreff)',
	},
	invitation: {
		subject: (portal) => `Ihre Einladung zu ${portal}`,
		invited: (portal, customer) =>
			`Sie wurden zu ${portal} eingeladen. Dort können Sie die Anfragen und Aufträge ${customer === null ? 'Ihres Unternehmens' : `von ${customer}`} verfolgen.`,
		choosePassword: 'Wählen Sie ein Passwort, um Ihren Zugang einzurichten.',
		action: 'Passwort festlegen',
		validUntil: (date) =>
			`Dieser Link kann einmal verwendet werden und ist bis zum ${date} gültig. Falls Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail ignorieren.`,
	},
	welcome: {
		subject: (portal) => `Willkommen bei ${portal}`,
		heading: (name) => `Willkommen, ${name}`,
		ready: (email) =>
			`Ihr Zugang ist eingerichtet. Melden Sie sich mit ${email} und dem von Ihnen gewählten Passwort an.`,
		notYou: 'Falls Sie diesen Zugang nicht selbst eingerichtet haben, antworten Sie bitte umgehend auf diese E-Mail.',
	},
	requestReceived: {
		subject: (ticket, subject) => `Ihre Anfrage #${ticket} ist bei uns eingegangen: ${subject}`,
		heading: (name) => `Vielen Dank, ${name}`,
		received: (ticket, subject) =>
			`Ihre Anfrage „${subject}“ ist bei uns eingegangen und hat die Nummer ${ticket} erhalten.`,
		createLogin: 'Um Ihre Anfrage online zu verfolgen und darauf zu antworten, legen Sie einen Zugang zum Portal an:',
		createLoginAction: 'Zugang anlegen',
		followWhenSignedIn: 'Sie können sie verfolgen, sobald Sie sich im Portal anmelden.',
		replyByMail: 'Wir antworten Ihnen an diese E-Mail-Adresse.',
		notYou: 'Falls Sie diese Anfrage nicht gesendet haben, können Sie diese E-Mail ignorieren.',
	},
	alreadyRegistered: {
		subject: (portal) => `Sie haben bereits einen Zugang zu ${portal}`,
		asked: (email) =>
			`Für ${email} wurde ein Zugang angefordert, doch diese Adresse hat bereits einen. Falls Sie das waren und Ihr Passwort vergessen haben, wählen Sie ein neues:`,
		notYou: 'Falls Sie das nicht waren, können Sie diese E-Mail ignorieren; es wurde nichts geändert.',
	},
	signUpNotPossible: {
		subject: (portal) => `Zu Ihrer Anfrage nach einem Zugang zu ${portal}`,
		refused: (portal, email) =>
			`Für ${email} wurde ein Zugang zu ${portal} angefordert. Wir konnten keinen anlegen: Zugänge erhalten nur Mitarbeitende unserer Kunden, und die Domain dieser Adresse gehört zu keinem unserer Kunden.`,
		requestWithoutLogin: 'Sie können uns aber auch ohne Zugang eine Anfrage senden:',
		askForInvitation:
			'Falls Ihr Unternehmen Kunde bei uns ist, bitten Sie die Portal-Administration Ihres Unternehmens oder Ihre Ansprechperson im Service-Team um eine Einladung.',
		requestAction: 'Anfrage senden',
	},
	ticketReply: {
		heading: (author, subject) => `${author} hat auf „${subject}“ geantwortet`,
		headingWithState: (author, subject, state) =>
			state === 'pending'
				? `${author} hat auf „${subject}“ geantwortet: Das Ticket wartet auf Sie`
				: `${author} hat auf „${subject}“ geantwortet und das Ticket als gelöst markiert`,
		state: {
			pending: 'Ihr Ticket wartet auf Sie: Das Service-Team benötigt Ihre Antwort, um weiterarbeiten zu können.',
			resolved: 'Ihr Ticket wurde gelöst. Falls das Problem weiterhin besteht, antworten Sie bitte im Ticket.',
		},
		attached: (names) => `Im Ticket angehängt: ${names}`,
		serviceTeam: 'Das Service-Team',
		colleague: 'Jemand aus Ihrem Unternehmen',
		action: 'Ticket ansehen und antworten',
	},
	ticketAdded: {
		subject: (ticket, subject) => `[#${ticket}] Sie wurden hinzugefügt: ${subject}`,
		addedBy: (by, ticket, subject) => `${by} hat Sie zum Ticket „${subject}“ (#${ticket}) hinzugefügt.`,
		follows:
			'Sie sind jetzt daran beteiligt: Seine Antworten und was aus ihm wird, erhalten Sie per E-Mail, wie in Ihrem Profil gewählt.',
		action: 'Ticket ansehen',
	},
	ticketStatus: {
		pendingSubject: (ticket, subject) => `[#${ticket}] Wartet auf Ihre Antwort: ${subject}`,
		resolvedSubject: (ticket, subject) => `[#${ticket}] Gelöst: ${subject}`,
		pending: (ticket, subject) =>
			`Ihr Ticket „${subject}“ (#${ticket}) wartet auf Sie: Das Service-Team benötigt Ihre Antwort, um weiterarbeiten zu können.`,
		resolved: (ticket, subject) => `Ihr Ticket „${subject}“ (#${ticket}) wurde gelöst.`,
		stillThere: 'Falls das Problem weiterhin besteht, antworten Sie bitte im Ticket.',
		pendingAction: 'Im Ticket antworten',
		resolvedAction: 'Ticket ansehen',
		rateQuestion: 'Wie zufrieden waren Sie mit uns?',
		rateGood: 'Gut',
		rateBad: 'Schlecht',
	},
	loginSuspended: {
		subject: (portal) => `Ihr Zugang zu ${portal} wurde gesperrt`,
		suspended: (portal) =>
			`Ihr Zugang zu ${portal} wurde gesperrt: Sie können sich vorerst nicht anmelden. Ihre Tickets und die Daten Ihres Unternehmens bleiben erhalten.`,
		mistake:
			'Falls Sie das für einen Irrtum halten, wenden Sie sich bitte an das Service-Team oder an die Portal-Administration Ihres Unternehmens.',
	},
	passwordChanged: {
		subject: (portal) => `Ihr Passwort für ${portal} wurde geändert`,
		changed: (portal) => `Das Passwort Ihres Zugangs zu ${portal} wurde soeben geändert.`,
		ifNotYou:
			'Falls Sie das waren, ist nichts weiter zu tun. Falls nicht, setzen Sie Ihr Passwort bitte umgehend zurück und informieren Sie das Service-Team.',
	},
	mailNotTaken: {
		subject: (subject) => `Nicht an den Service-Desk zugestellt: ${subject}`,
		heading: 'Ihre E-Mail wurde nicht übernommen',
		notAdded: (subject) => `Wir haben Ihre E-Mail „${subject}“ nicht in den Service-Desk übernommen.`,
		registeredOnly: (portal) =>
			`${portal} nimmt Anfragen nur von registrierten Kontakten an, und diese Adresse gehört zu keinem davon.`,
		notAllowed: 'Mit Ihrem Zugang können Sie keine Tickets per E-Mail eröffnen.',
		noTicket:
			'Ihre E-Mail ließ sich keinem Ihrer Tickets zuordnen: Möglicherweise wurde sie von einer anderen Adresse gesendet als der, an die wir geschrieben haben.',
		action: (portal) => `${portal} öffnen`,
		wrong: 'Falls Sie das für einen Fehler halten, wenden Sie sich bitte an Ihre Ansprechperson im Service-Team.',
	},
	staffNotice: {
		opened: (from, subject) => `${from} hat ein Ticket eröffnet: ${subject}`,
		replied: (from, subject) => `${from} hat auf das Ticket geantwortet: ${subject}`,
		ratedBad: (from, subject) => `${from} hat den Service bei einem Ticket als schlecht bewertet: ${subject}`,
		someContact: 'Ein Kontakt',
		action: 'Ticket im Studio öffnen',
		why: 'Sie erhalten diese E-Mail, weil in Ihrem Directus-Profil E-Mail-Benachrichtigungen aktiviert sind.',
	},
	passwordReset: {
		subject: (portal) => `Passwort für ${portal} zurücksetzen`,
		asked: (portal) =>
			`Für Ihren Zugang zu ${portal} wurde das Zurücksetzen des Passworts angefordert. Wählen Sie über die Schaltfläche unten ein neues Passwort; der Link ist einen Tag lang gültig.`,
		action: 'Neues Passwort wählen',
		notYou: 'Falls Sie das nicht waren, können Sie diese E-Mail ignorieren: Ihr Passwort bleibt unverändert.',
	},
};
