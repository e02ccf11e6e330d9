/** A policy's name holds 100 characters, a customer's 255: cut, counting characters as the databases do. */
export const badgeName = (customerName: string) => Array.from(`Portal badge: ${customerName}`).slice(0, 100).join('');
/** `badgeName` in SQL, over a row of `customers`. */
export const badgeNameSql = "SUBSTR('Portal badge: ' || customers.name, 1, 100)";
