/** A policy's name holds 100 characters, a customer's 255: cut, counting characters as the databases do. */
export const badgeName = (customerName: string) => Array.from(`Portal badge: ${customerName}`).slice(0, 100).join('');

/** `badgeName` in SQL, over a customer's name column (a knex `??` binding, quoted by knex). */
export const badgeNameSql = "SUBSTR('Portal badge: ' || ??, 1, 100)";
