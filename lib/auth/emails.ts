/** The sign-in email: plain French, with a text part. */
export function magicLinkEmail(to: string, url: string, validMinutes: number) {
  const text = [
    "Bonjour,",
    "",
    "Pour vous connecter à Toile, ouvrez ce lien :",
    url,
    "",
    `Il fonctionne une seule fois, pendant ${validMinutes} minutes, sur n'importe quel appareil.`,
    "",
    "Vous n'avez rien demandé ? Ignorez ce message : personne ne peut se connecter sans ce lien.",
    "",
    "— Toile",
  ].join("\n");
  const html = `<p>Bonjour,</p>
<p>Pour vous connecter à Toile, ouvrez ce lien :</p>
<p><a href="${escapeHtml(url)}">Me connecter à Toile</a></p>
<p>Il fonctionne une seule fois, pendant ${validMinutes} minutes, sur n'importe quel appareil.</p>
<p>Vous n'avez rien demandé ? Ignorez ce message : personne ne peut se connecter sans ce lien.</p>
<p>— Toile</p>`;
  return { to, subject: "Votre lien de connexion à Toile", text, html };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
