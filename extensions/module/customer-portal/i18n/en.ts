/**
 * The studio module's words in English: the source every other language's catalogue follows key for key
 * (`satisfies Catalogue<typeof en>`, src/i18n/catalogue.ts). Parameterised texts are functions; their parameters
 * are the same in every language.
 */
import { capabilities, type Capability, type CapabilityArea } from '../../../../src/catalogue/capabilities.ts';
import { viewAsRefusals } from '../../../../src/view-as/view-as-refusals.ts';
import type { StaffReplyState } from '../../../../src/conversation/staff-reply-states.ts';
import { type ObjectName, objectNames, type ObjectSpec, objectSpecs } from '../../../../src/data-map/object-specs.ts';

type CapabilityValues<C> = C extends { kind: 'choice'; values: readonly (infer V extends string)[] }
	? { valueLabels: Record<V, string> }
	: unknown;

/** Each capability's words as the group editor shows them, by key; a choice also names each of its values. */
export type CapabilityWords = {
	[C in (typeof capabilities)[number] as C['key']]: { label: string; description: string } & CapabilityValues<C>;
};

/** English says what the catalogue says (the server reads the same words). */
const capabilityWords = Object.fromEntries(
	(capabilities as readonly Capability[]).map((capability) => [
		capability.key,
		{
			label: capability.label,
			description: capability.description,
			...(capability.kind === 'choice' ? { valueLabels: { ...capability.valueLabels } } : {}),
		},
	]),
) as CapabilityWords;

const areas: Record<CapabilityArea, string> = {
	tickets: 'Tickets',
	projects: 'Projects',
	devices: 'Devices',
	knowledge: 'Knowledge',
	financials: 'Financials',
	account: 'Account',
};

const ticketStatuses: Record<'new' | 'open' | StaffReplyState, string> = {
	new: 'New',
	open: 'Open',
	pending: 'Waiting on the customer',
	resolved: 'Resolved',
	closed: 'Closed',
};

/** The data map's objects as the catalogue of objects names them. */
const dataMapObjects = Object.fromEntries(
	objectNames.map((name) => [name, (objectSpecs as Record<ObjectName, ObjectSpec>)[name].label]),
) as Record<ObjectName, string>;

/** Every role's and state's name of the data map as words: `visible_to_parent` → "Visible to parent". */
const dataMapNames = Object.fromEntries(
	objectNames
		.flatMap((name) => {
			const spec = (objectSpecs as Record<ObjectName, ObjectSpec>)[name];
			return [...Object.keys(spec.roles), ...Object.values(spec.states ?? {}).flatMap(Object.keys)];
		})
		.map((name) => {
			const words = name.replaceAll('_', ' ');
			return [name, words.charAt(0).toUpperCase() + words.slice(1)];
		}),
) as Record<string, string>;

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

export const en = {
	save: 'Save',
	cancel: 'Cancel',
	delete: 'Delete',
	refresh: 'Refresh',
	resend: 'Resend',
	makeCopy: 'Make copy',
	nothing: '—',
	navigation: {
		groups: 'Groups',
		customers: 'Customers',
		conversations: 'Conversations',
		settings: 'Settings',
		viewAs: 'View as',
		audit: 'Audit log',
		outbox: 'Outbox',
		inbox: 'Inbox',
		ratings: 'Ratings',
		dataMap: 'Data map',
		uninstall: 'Uninstall',
	},
	hostNotice: (version: string) =>
		`This is Directus ${version}. The customer portal enforces its rules only on Directus 11, so the portal stays closed here: contacts cannot sign in until it runs on Directus 11.`,
	unsavedChanges: {
		title: 'Unsaved changes',
		text: "Are you sure you want to leave this page? The changes you made will be lost if you don't save them first.",
		discard: 'Discard changes',
		keep: 'Keep editing',
	},
	errors: {
		byCode: {
			FORBIDDEN: 'You do not have permission to do this.',
			TOKEN_EXPIRED: 'Your session has ended. Sign in again.',
		},
		/** The product's refusals the studio meets, in the server's words (src/errors/), from their details. */
		groupInUse: (group: string, contacts: number) =>
			`The portal group "${group}" cannot be deleted while ${contacts} ${contacts === 1 ? 'contact uses' : 'contacts use'} it. Move ${contacts === 1 ? 'that contact' : 'them'} to another group first.`,
		defaultGroupInUse: (group: string) =>
			`The portal group "${group}" is the default group for new portal contacts. Choose another default group in the portal settings first.`,
		/** Why View as was refused, by the reason the server names (`why`). */
		viewAsRefused: viewAsRefusals,
		systemGroup: (group: string) =>
			`"${group}" is a system portal group and cannot be changed or deleted. Make a copy of it and change the copy instead.`,
	},
	groups: {
		title: 'Portal groups',
		intro:
			'A portal group decides what its contacts see and do in the portal. System groups cannot be changed: make a copy and change the copy.',
		columns: { name: 'Group', kind: 'Kind', members: 'Members', description: 'Description' },
		default: 'Default',
		system: 'System',
		custom: 'Custom',
		confirmDelete: (name: string) => `Delete the group “${name}”?`,
		deleteExplained: 'A group still in use, or the default group, cannot be deleted.',
		copyName: (name: string) => `Copy of ${name}`,
	},
	groupEditor: {
		title: 'Portal group',
		systemNotice: (name: string) =>
			`“${name}” is a system group: it cannot be changed or deleted. Make a copy to build a group of your own from it.`,
		unsavedCopy: 'A copy, not saved yet: it exists once you save it.',
		saved: 'Saved. Contacts in this group get the new permissions on their next request.',
		name: 'Name',
		description: 'Description',
		assignableByClient: 'A client administrator may give this group to their colleagues',
		needsFirst: (label: string) => `Needs “${label}” first.`,
		areas,
		capabilities: capabilityWords,
	},
	customers: {
		title: 'Customers',
		search: 'Search customers',
		customer: 'Customer',
		portalLogins: 'Portal logins',
		hidden: 'Hidden from the customers above it',
		none: 'No customers.',
		noneMatch: 'No customers match the search.',
	},
	customer: {
		title: 'Customer',
		allHaveLogins: 'Every active contact with an address has a login already',
		inviteAll: (n: number) => `Invite everyone without a login (${n})`,
		columns: { contact: 'Contact', portal: 'Portal', group: 'Group' },
		groupOf: (email: string) => `Portal group of ${email}`,
		defaultGroup: 'Default group',
		enableLogin: 'Enable login',
		revoke: 'Revoke',
		viewAs: 'View as',
		suspend: 'Suspend',
		allowSignIn: 'Allow sign-in',
		confirmInviteAll: (n: number, customer: string) => `Invite ${count(n, 'contact', 'contacts')} of ${customer}?`,
		inviteAllExplained: (addresses: string) =>
			`Each gets an e-mail with a link to choose a password: ${addresses}. Contacts without an address or not active are left out.`,
		andMore: (shown: string, more: number) => `${shown} and ${more} more`,
		sendInvitations: 'Send invitations',
		settingsOf: (customer: string) => `Portal settings of ${customer}`,
		visibleToParent: "Visible to the customers above it (their contacts may see this customer's tickets and projects)",
		emailDomains: 'E-mail domains',
		emailDomainsHint: 'Public requests and self sign-ups from these domains are filed under this customer.',
		saveCustomer: 'Save customer',
		status: {
			noLogin: 'No login',
			invited: (until: string) => `Invited until ${until}`,
			invitationExpired: 'Invitation expired',
			active: 'Active',
			suspended: 'Suspended',
		},
		done: {
			invited: (email: string) => `Invitation sent to ${email}.`,
			resent: 'Invitation sent again with a new link.',
			revoked: 'Invitation revoked: its link no longer works.',
			suspended: (email: string) => `${email} can no longer sign in.`,
			unsuspended: (email: string) => `${email} may sign in again.`,
			groupChanged: (email: string) => `Group of ${email} changed.`,
			invitedAll: (invited: number, refused: number) =>
				refused > 0 ? `${invited} invited, ${refused} refused.` : `${invited} invited.`,
			saved: 'Customer saved.',
		},
	},
	tickets: {
		title: 'Conversations',
		intro:
			'Answer a ticket as contacts see it: a reply to the customer is mailed to the people who follow the ticket, an internal note is seen by staff only.',
		which: 'Which tickets',
		search: 'Search tickets',
		unsolved: 'Unsolved',
		all: 'All tickets',
		columns: { subject: 'Subject', customer: 'Customer', status: 'Status', changed: 'Changed' },
		statuses: ticketStatuses,
	},
	conversation: {
		title: 'Conversation',
		requestedBy: (name: string) => `Requested by ${name}`,
		asContactsSee: (notes: number) => `As contacts see it (hides ${notes} internal)`,
		empty: 'Nothing written yet.',
		internalNote: 'Internal note · staff only',
		fromCustomer: 'Customer',
		replyToCustomer: 'Reply to customer',
		placeholder: 'Write a reply or a note…',
		draftLabel: 'Reply or note',
		noteAdded: 'Internal note added: staff only.',
		replySent: 'Reply sent: the customer sees it and is e-mailed.',
		statusNow: (status: string) => `The ticket is now “${status}”.`,
		thenSet: 'Then set the ticket to',
		keepStatus: 'Keep the status',
		addNote: 'Add internal note',
		sendReply: 'Send reply to customer',
		shownAs: 'Shown to customers as',
		changeShownAs: 'Change',
		shownAsLabel: 'The name customers see on your replies',
		shownAsHint: 'Empty: named as the portal settings say. At most 60 characters, never an e-mail address.',
		attachFiles: 'Attach files',
		uploading: 'Uploading…',
		removeFile: (name: string) => `Leave out ${name}`,
		fileRefused: (name: string, reason: string) => `${name} was not attached: ${reason}`,
		filesWith: 'Sent with the reply, they show to the customer; with a note, they stay with staff.',
		ticketFiles: 'Files on this ticket',
		fileShown: 'the customer sees it',
		fileStaffOnly: 'staff only',
	},
	settings: {
		title: 'Portal settings',
		signInAt: 'Contacts sign in at',
		saved: 'Settings saved.',
		portalName: 'Portal name',
		portalNamePlaceholder: 'The project name',
		accentColor: 'Accent colour',
		accentAdjusted: (shade: string | null, darkLabels: boolean) =>
			[
				shade
					? `Text in this colour is hard to read on white, so the portal shows links and highlights in a darker shade (${shade}).`
					: '',
				darkLabels ? 'White is hard to read on it, so buttons get dark labels.' : '',
			]
				.filter(Boolean)
				.join(' '),
		parentVisibility: 'Contacts of a parent customer may see the customers below it (where their group allows)',
		defaultGroup: 'Default group of new portal contacts',
		inviteTtl: 'Invitation links stay valid for (hours)',
		notifyRole: 'Staff told of a contact’s words on an unassigned ticket',
		notifyRolePlaceholder: 'The holders of the Portal staff policy',
		accessMode: 'Who may use the portal',
		accessModes: {
			registered_only: 'Registered contacts only',
			public: 'Public knowledge base and requests (signing in is needed to track them)',
		},
		staffNames: 'Staff who answer tickets are shown to contacts by',
		staffNameStyles: {
			full_name: 'Full name (Ana Rivera)',
			first_name_initial: 'First name and initial (Ana R.)',
			first_name: 'First name (Ana)',
			team: 'No names: "Service team"',
		},
		selfSignup: 'Self sign-up',
		selfSignups: { off: 'Off', matching_domain: "When the e-mail domain matches a customer's" },
	},
	viewAs: {
		title: 'View as',
		explained:
			"See the portal exactly as a contact sees it, in a new tab — to check a group before rolling it out. It is read-only: what would change something is switched off, and nothing can be changed in the contact's name, and you never get their password or session. Each use is written to the audit log; the link works for 30 minutes, only in this browser while you are signed in.",
		search: 'Search contacts with a portal login by name or e-mail',
		columns: { contact: 'Contact', customer: 'Customer', group: 'Group' },
		defaultGroup: 'Default group',
		open: 'View portal as',
	},
	audit: {
		title: 'Portal audit log',
		columns: { when: 'When', action: 'Action', by: 'By', customer: 'Customer', target: 'Target' },
		customer: 'Customer',
		everyCustomer: 'Every customer',
		contact: 'Contact: name or e-mail',
		action: 'Action',
		everyAction: 'Every action',
		from: 'From',
		to: 'To',
		actions: {
			'contact.access_changed': 'Changed a contact’s portal access',
			'contact.unsubscribed': 'Unsubscribed from e-mails',
			'customer.visibility_changed': 'Changed a customer’s visibility to its parent',
			'data_map.saved': 'Saved the data map',
			'doctor.policies_restored': 'Restored the portal’s policies',
			'group.changed': 'Changed a portal group',
			'group.created': 'Created a portal group',
			'invitation.accepted': 'Accepted an invitation',
			'invitation.resent': 'Sent an invitation again',
			'invitation.revoked': 'Revoked an invitation',
			'invitation.sent': 'Sent an invitation',
			'mail.resent': 'Sent an e-mail again',
			'profile.notifications_changed': 'Changed their notifications',
			'profile.password_changed': 'Changed their password',
			'public.request': 'Sent a request without a login',
			'quote.approved': 'Approved a quote',
			'quote.declined': 'Declined a quote',
			'self_signup.requested': 'Asked to sign up',
			'team.contact_added': 'Added a colleague',
			'team.group_changed': 'Changed a colleague’s group',
			'team.password_reset': 'Sent a colleague a password reset',
			'team.reactivated': 'Let a colleague sign in again',
			'team.suspended': 'Suspended a colleague',
			'ticket.attachment_added': 'Attached a file to a ticket',
			'view_as.started': 'Viewed the portal as a contact',
		},
		hidCustomer: 'Hid a customer from its parent',
		showedCustomer: 'Showed a customer to its parent',
		targets: {
			contacts: 'Contact',
			customers: 'Customer',
			tickets: 'Ticket',
			quotes: 'Quote',
			portal_groups: 'Portal group',
			portal_invitations: 'Invitation',
			portal_outbox: 'E-mail',
			directus_users: 'User',
		},
		portalSettings: 'Portal settings',
		invitationTo: (email: string) => `to ${email}`,
		mailTo: (subject: string, recipient: string) => `“${subject}” to ${recipient}`,
	},
	outbox: {
		title: 'Portal outbox',
		intro:
			'Every e-mail the portal sends waits here until the mail server takes it; while the server is down it is tried again, less often as time goes on, for two days. Sign-in links are sent once and not kept.',
		status: 'Status',
		everyMail: 'Every mail',
		statuses: { queued: 'Waiting', sending: 'Sending', sent: 'Sent', failed: 'Failed', cancelled: 'Cancelled' },
		columns: { queued: 'Queued', to: 'To', subject: 'Subject', status: 'Status' },
		sentAt: (when: string) => `Sent ${when}`,
		waiting: (attempts: number, next: string) => `Waiting: tried ${count(attempts, 'time', 'times')}, next ${next}`,
		sendNow: 'Send now',
		invitationResent: (recipient: string) => `A new invitation link is on its way to ${recipient}.`,
		mailResent: (recipient: string) => `The mail to ${recipient} is on its way again.`,
	},
	inbox: {
		title: 'Portal inbox',
		intro:
			"E-mails to the service desk: a contact's answer to a ticket mail becomes their reply on the ticket, and a new e-mail opens a ticket where their group allows it. Automatic replies, bounces and mailing lists are ignored; a sender who is not the contact a ticket mail went to adds nothing.",
		statuses: { accepted: 'Added', ignored: 'Ignored', refused: 'Refused' },
		columns: { received: 'Received', from: 'From', subject: 'Subject', outcome: 'What became of it' },
	},
	ratings: {
		title: 'Satisfaction ratings',
		intro: (days: number) =>
			`How contacts rated the service once their ticket was resolved or closed. Only a ticket's requester rates it, and may change their rating for ${days} days. Only tickets you may read are counted and listed.`,
		lastDays: (days: number) => `Last ${days} days`,
		answers: { good: 'Good', bad: 'Bad' },
		goodShare: (share: string) => `${share} good`,
		filter: 'Rating',
		both: 'Good and bad',
		columns: {
			rating: 'Rating',
			ticket: 'Ticket',
			contact: 'Contact and customer',
			comment: 'Comment',
			date: 'Date',
		},
		rated: { good: 'Rated good', bad: 'Rated bad' },
	},
	dataMap: {
		title: 'Data map',
		adminsOnly: 'Only Directus admins can see, check and save the data map.',
		intro:
			"The data map says which of your collections and fields play the portal's customers, contacts, tickets and the rest. Try a map for your own collections below and press Check to see whether it fits and what a group would get on it. Checking changes nothing; once a map fits, Save puts the portal on it.",
		current: 'The map the portal runs on',
		runsOnStored: 'The portal runs on a data map stored for this Directus.',
		runsOnBundled:
			"The portal runs on the bundled help-desk collections (customers, contacts, tickets and the rest, under the bundled schema's names).",
		liveProblems:
			'This map no longer fits the schema, so the portal is closed until it does. The problems are listed here and next to the roles they name.',
		fits: 'The map fits the schema.',
		liveAdditions: 'Fields the portal adds and keeps for this map',
		forRole: (role: string) => `for ${role}`,
		onColumn: 'on',
		missingIndexes: (n: number) =>
			`The portal filters or sorts by ${n === 1 ? 'a column' : 'columns'} no index leads with, so contacts’ lists read the whole table. Saving the map again adds an index of the portal’s to each.`,
		checkTitle: 'Check the map below',
		previewOf: 'Preview the permissions of',
		chooseGroup: 'Choose the group to preview',
		theGroup: 'The group',
		systemGroup: (name: string) => `${name} (system group)`,
		check: 'Check',
		saved: 'Saved: the portal runs on this map from the next request, and every group was compiled onto it.',
		adopted: (n: number) =>
			n === 1
				? '1 user your contacts already linked now has the portal.'
				: `${n} users your contacts already linked now have the portal.`,
		staffLeft: (users: string) =>
			`Linked to contacts but working as staff, so left as they are (give those contacts users of their own): ${users}.`,
		changedSinceCheck:
			'The map or the group changed since this check: press Check again to see where your changes stand.',
		doesNotFit: (n: number) =>
			`This map does not fit: ${count(n, 'problem', 'problems')}, also shown next to the roles they name.`,
		checkFits: (group: string, rows: number) => `This map fits. ${group} would get ${rows} permission rows on it.`,
		checkAdditions: 'Fields the portal would add and keep',
		checkIndexes: 'Indexes the portal would add, on the columns it filters and sorts by',
		saveMap: 'Save this map',
		confirmTitle: 'Put the portal on this map?',
		confirmText:
			'Every portal group is compiled onto these collections at once, and contacts sign in as the records this map names: users of contacts it no longer names lose the portal.',
		confirmAdditions: (n: number) =>
			`The portal adds ${count(n, 'field', 'fields')} of its own to your collections; uninstalling the portal removes them.`,
		confirmIndexes: (n: number) =>
			`It indexes ${count(n, 'column', 'columns')} of yours (on a large table this takes a moment); uninstalling the portal drops ${n === 1 ? 'that index' : 'those indexes'}.`,
		sections: {
			customers: 'Customers & contacts',
			tickets: 'Tickets',
			projects: 'Projects',
			devices: 'Devices',
			knowledge: 'Knowledge',
			financials: 'Financials',
			other: 'Other',
		},
		keptByPortal: (parent: string) => `Kept by the portal; used when ${parent} are.`,
		itsObject: 'its object',
		collectionFor: (object: string) => `Collection for ${object}`,
		chooseCollection: (object: string) => `Choose the collection for ${object}`,
		required: (object: string) => `Required: the portal cannot work without ${object}.`,
		unusedWhile: (parent: string) => `Not used while ${parent} are not used.`,
		optional: ' · optional',
		addedByPortal: 'The portal adds this field and keeps it.',
		notUsedBecause: (reason: string) => `Not used: ${reason}.`,
		chooseField: (role: string) => `Choose the field for ${role.toLowerCase()}`,
		valuesOf: (role: string) => `Values of ${role.toLowerCase()} (comma-separated)`,
		objects: dataMapObjects,
		names: dataMapNames,
		notUsed: 'Not used',
		doesNotFitField: (field: string) => `${field} (does not fit)`,
		kinds: {
			key: 'the primary key',
			text: 'text',
			boolean: 'yes or no',
			number: 'a number',
			date: 'a date',
			list: 'a list (CSV or JSON)',
			m2o: (target: string) => `a link to ${target}`,
			o2m: (target: string) => `the list of ${target}`,
			path: (target: string) => `a path of links to ${target}`,
		},
		systemTargets: { directus_users: 'Directus users', directus_files: 'files', directus_policies: 'access policies' },
		preview: {
			collection: 'Collection',
			action: 'Action',
			fields: 'Fields',
			rule: 'Rule',
			forCapabilities: (keys: string) => `for ${keys}`,
			none: 'none',
			whichRows: 'Which rows',
			whatMayBeWritten: 'What may be written',
			noRule: 'No rule',
		},
	},
	uninstall: {
		title: 'Uninstall',
		done: (n: number) => `Customer Portal is uninstalled: ${n} things removed.`,
		nextSteps: 'Now remove the package from this Directus (',
		nextStepsAfter:
			'in the Directus project, or take it out of your image) and restart Directus. Until the package is removed, the next restart installs the portal again.',
		warning:
			'Uninstalling removes everything Customer Portal put on this Directus. It cannot be undone: back up the database first. Only Directus admins can do it.',
		removed: 'Removed',
		collections: (names: string) => `Collections: ${names}`,
		fields: (names: string) => `Fields of collections that stay: ${names}`,
		policies: (names: string) => `Policies: ${names}`,
		logins: (n: number) => `The portal role and its ${n} portal logins (the contacts stay, without a login)`,
		triggers: "The portal's database triggers, functions and indexes, and this module's place in the module bar",
		kept: 'Kept',
		keptNothing: 'Nothing of the help desk: its collections and their data are removed too.',
		keptCollections: (names: string) => `As plain Directus collections, with their data: ${names}`,
		none: 'none',
		removeData: 'Also remove the help-desk collections and all their data',
		type: 'Type',
		toConfirm: 'to confirm',
		button: 'Uninstall Customer Portal',
	},
};
