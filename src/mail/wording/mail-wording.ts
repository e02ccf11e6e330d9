/**
 * Every word of the portal's mails in one language: one object of this shape per language (`english.ts`,
 * `german.ts`), so a text left out of a language is a type error. Values come in as they are; the mail escapes
 * them where it writes HTML.
 */
type Ticket = number | string;

export interface MailWording {
	/** The locale dates are written in (`Intl`). */
	locale: string;
	common: {
		hello(name: string): string;
		helloWithoutName: string;
		buttonFallback: string;
		unsubscribe: string;
		/**
		 * The line on top of a mail that can be answered: a reply is read down to it. The inbound parser knows the
		 * line of every language (`replyMarkers`), so a reply to a mail in any of them is cut there.
		 */
		replyMarker: string;
		answerByMail: string;
		openPortal: string;
		resetPassword: string;
		ignoreIfNotYou: string;
		/** Why a contact gets a ticket's mails. */
		followsTicket(ticket: Ticket): string;
		/** Why a contact gets mail about their login. */
		aboutLogin: string;
		noSubject: string;
	};
	invitation: {
		subject(portal: string): string;
		/** `customer` null: the contact's company has no name to give. */
		invited(portal: string, customer: string | null): string;
		choosePassword: string;
		action: string;
		validUntil(date: string): string;
	};
	welcome: {
		subject(portal: string): string;
		heading(name: string): string;
		ready(email: string): string;
		notYou: string;
	};
	requestReceived: {
		subject(ticket: Ticket, subject: string): string;
		heading(name: string): string;
		received(ticket: Ticket, subject: string): string;
		createLogin: string;
		createLoginAction: string;
		followWhenSignedIn: string;
		replyByMail: string;
		notYou: string;
	};
	alreadyRegistered: {
		subject(portal: string): string;
		asked(email: string): string;
		notYou: string;
	};
	signUpNotPossible: {
		subject(portal: string): string;
		refused(portal: string, email: string): string;
		requestWithoutLogin: string;
		askForInvitation: string;
		requestAction: string;
	};
	ticketReply: {
		heading(author: string, subject: string): string;
		/** The heading of a reply that also set the ticket waiting on the contact, or resolved it. */
		headingWithState(author: string, subject: string, state: 'pending' | 'resolved'): string;
		/** What the reply's state means for the contact, after the reply's words. */
		state: { pending: string; resolved: string };
		/** The names of the files the reply attached, after its words (they are on the ticket, not in the mail). */
		attached(names: string): string;
		serviceTeam: string;
		/** A colleague whose name is not known any more. */
		colleague: string;
		action: string;
	};
	/** To a contact someone added to a ticket (a colleague with `tickets.cc`, or staff). */
	ticketAdded: {
		subject(ticket: Ticket, subject: string): string;
		addedBy(by: string, ticket: Ticket, subject: string): string;
		follows: string;
		action: string;
	};
	ticketStatus: {
		pendingSubject(ticket: Ticket, subject: string): string;
		resolvedSubject(ticket: Ticket, subject: string): string;
		pending(ticket: Ticket, subject: string): string;
		resolved(ticket: Ticket, subject: string): string;
		stillThere: string;
		pendingAction: string;
		resolvedAction: string;
		/** Asked under a resolved ticket, with a link per answer that opens the ticket with it chosen. */
		rateQuestion: string;
		rateGood: string;
		rateBad: string;
	};
	loginSuspended: {
		subject(portal: string): string;
		suspended(portal: string): string;
		mistake: string;
	};
	passwordChanged: {
		subject(portal: string): string;
		changed(portal: string): string;
		ifNotYou: string;
	};
	mailNotTaken: {
		subject(subject: string): string;
		heading: string;
		notAdded(subject: string): string;
		registeredOnly(portal: string): string;
		notAllowed: string;
		noTicket: string;
		action(portal: string): string;
		wrong: string;
	};
	staffNotice: {
		opened(from: string, subject: string): string;
		replied(from: string, subject: string): string;
		ratedBad(from: string, subject: string): string;
		/** A contact whose name is not known any more. */
		someContact: string;
		action: string;
		why: string;
	};
	passwordReset: {
		subject(portal: string): string;
		asked(portal: string): string;
		action: string;
		notYou: string;
	};
}
