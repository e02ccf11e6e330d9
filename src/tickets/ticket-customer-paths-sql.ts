/** Tickets whose `customer_path` is not their customer's `tree_path`. */
export const wrongTicketCustomerPathsSql = `FROM tickets LEFT JOIN customers ON customers.id = tickets.customer WHERE tickets.customer_path IS DISTINCT FROM customers.tree_path`;
