import type { MailWording } from './mail-wording.ts';

export const english: MailWording = {
	locale: 'en-GB',
	common: {
		hello: (name) => `Hello ${name},`,
		helloWithoutName: 'Hello,',
		buttonFallback: 'If the button does not work, copy this address into your browser:',
		unsubscribe: 'Unsubscribe from these e-mails',
		replyMarker: '##- Please type your reply above this line -##',
		answerByMail: 'You can also answer by replying to this e-mail.',
		openPortal: 'Open the portal',
		resetPassword: 'Reset my password',
		ignoreIfNotYou: 'If it was not you, you can ignore this e-mail.',
		followsTicket: (ticket) => `You get this e-mail because you follow ticket #${ticket}.`,
		aboutLogin: 'You get this e-mail about changes to your login.',
		noSubject: '(no subject)',
	},
	invitation: {
		subject: (portal) => `Your invitation to ${portal}`,
		invited: (portal, customer) =>
			`You have been invited to ${portal}, where you can follow the requests and work of ${customer ?? 'your company'}.`,
		choosePassword: 'Choose a password to finish setting up your login.',
		action: 'Set my password',
		validUntil: (date) =>
			`This link can be used once and works until ${date}. If you did not expect this invitation, you can ignore this e-mail.`,
	},
	welcome: {
		subject: (portal) => `Welcome to ${portal}`,
		heading: (name) => `Welcome, ${name}`,
		ready: (email) => `Your login is ready. Sign in with ${email} and the password you chose.`,
		notYou: 'If you did not set up this login, reply to this e-mail straight away.',
	},
	requestReceived: {
		subject: (ticket, subject) => `We received your request #${ticket}: ${subject}`,
		heading: (name) => `Thank you, ${name}`,
		received: (ticket, subject) => `We received your request "${subject}" and gave it the number ${ticket}.`,
		createLogin: 'To follow your request and reply online, create a login for the portal:',
		createLoginAction: 'Create my login',
		followWhenSignedIn: 'You can follow it when you sign in to the portal.',
		replyByMail: 'We will reply to this e-mail address.',
		notYou: 'If you did not send this request, you can ignore this e-mail.',
	},
	alreadyRegistered: {
		subject: (portal) => `You already have a login for ${portal}`,
		asked: (email) =>
			`Someone asked to create a login for ${email}, which already has one. If it was you and you forgot your password, choose a new one:`,
		notYou: 'If it was not you, you can ignore this e-mail; nothing has changed.',
	},
	signUpNotPossible: {
		subject: (portal) => `About your request for a login to ${portal}`,
		refused: (portal, email) =>
			`Someone asked for a login to ${portal} for ${email}. We could not create one: logins are for the staff of our customers, and we do not know this address's domain as one of theirs.`,
		requestWithoutLogin: 'You can still send us a request without a login:',
		askForInvitation:
			'If your company is a customer of ours, ask its portal administrator or your contact in the service team to invite you.',
		requestAction: 'Submit a request',
	},
	ticketReply: {
		heading: (author, subject) => `${author} replied to "${subject}"`,
		headingWithState: (author, subject, state) =>
			state === 'pending'
				? `${author} replied to "${subject}": it is waiting on you`
				: `${author} replied to "${subject}" and marked it resolved`,
		state: {
			pending: 'Your ticket waits on you: the service team needs your answer to go on.',
			resolved: 'Your ticket has been resolved. If the problem is still there, reply on the ticket.',
		},
		attached: (names) => `Attached on the ticket: ${names}`,
		serviceTeam: 'The service team',
		colleague: 'A colleague',
		action: 'View the ticket and reply',
	},
	ticketAdded: {
		subject: (ticket, subject) => `[#${ticket}] You were added: ${subject}`,
		addedBy: (by, ticket, subject) => `${by} added you to the ticket "${subject}" (#${ticket}).`,
		follows:
			'You now follow it: its replies and what becomes of it come to you by e-mail, as you chose in your profile.',
		action: 'View the ticket',
	},
	ticketStatus: {
		pendingSubject: (ticket, subject) => `[#${ticket}] Waiting on you: ${subject}`,
		resolvedSubject: (ticket, subject) => `[#${ticket}] Resolved: ${subject}`,
		pending: (ticket, subject) =>
			`Your ticket "${subject}" (#${ticket}) waits on you: the service team needs your answer to go on.`,
		resolved: (ticket, subject) => `Your ticket "${subject}" (#${ticket}) has been resolved.`,
		stillThere: 'If the problem is still there, reply on the ticket.',
		pendingAction: 'Answer on the ticket',
		resolvedAction: 'View the ticket',
		rateQuestion: 'How did we do?',
		rateGood: 'Good',
		rateBad: 'Bad',
	},
	loginSuspended: {
		subject: (portal) => `Your login to ${portal} was suspended`,
		suspended: (portal) =>
			`Your login to ${portal} was suspended: you cannot sign in for now. Your tickets and your company's records are kept.`,
		mistake: 'If you think this is a mistake, ask the service team or your company’s portal administrator.',
	},
	passwordChanged: {
		subject: (portal) => `Your password for ${portal} was changed`,
		changed: (portal) => `The password of your login to ${portal} was changed just now.`,
		ifNotYou:
			'If it was you, there is nothing to do. If it was not, reset your password straight away and tell the service team.',
	},
	mailNotTaken: {
		subject: (subject) => `Not delivered to the service desk: ${subject}`,
		heading: 'Your e-mail was not added',
		notAdded: (subject) => `We did not add your e-mail "${subject}" to the service desk.`,
		registeredOnly: (portal) =>
			`${portal} takes requests from registered contacts only, and this address is not one of them.`,
		notAllowed: 'Your login does not let you open tickets by e-mail.',
		noTicket:
			'Your e-mail did not reach a ticket you follow: it may have been sent from another address than the one we wrote to.',
		action: (portal) => `Open ${portal}`,
		wrong: 'If you think this is wrong, ask your contact in the service team.',
	},
	staffNotice: {
		opened: (from, subject) => `${from} opened a ticket: ${subject}`,
		replied: (from, subject) => `${from} replied to the ticket: ${subject}`,
		ratedBad: (from, subject) => `${from} rated the service on a ticket as bad: ${subject}`,
		someContact: 'A contact',
		action: 'Open the ticket in the studio',
		why: 'You get this e-mail because e-mail notifications are on in your Directus profile.',
	},
	passwordReset: {
		subject: (portal) => `Reset your password for ${portal}`,
		asked: (portal) =>
			`Someone asked to reset the password of your login to ${portal}. Choose a new password with the button below; the link works for one day.`,
		action: 'Choose a new password',
		notYou: 'If it was not you, you can ignore this e-mail: your password stays as it is.',
	},
};
