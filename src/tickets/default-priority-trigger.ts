/** The name of the default-priority trigger (and, on PostgreSQL, of its function), whatever the data map. */
export const defaultPriorityTrigger = 'portal_tickets_default_priority';
