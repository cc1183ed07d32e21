/** The site's public address, for links in emails (NEXTAUTH_URL, set by `npm start` to the local address). */
export const siteUrl = () => process.env.NEXTAUTH_URL ?? "http://localhost:3000";
