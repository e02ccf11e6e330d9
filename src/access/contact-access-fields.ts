/** The contact fields that decide a contact's portal access (the customer decides its badge). */
export const contactAccessFields = ['user', 'customer', 'portal_group', 'login_suspended'];
