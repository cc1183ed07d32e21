import { notFound } from "next/navigation";
import { isDevelopment } from "@/lib/auth/dev";
import { recentOutboxEmails } from "@/lib/email/page-data";

export const dynamic = "force-dynamic";

const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });

export default async function DevOutboxPage() {
  if (!isDevelopment()) notFound();
  const emails = await recentOutboxEmails(50);
  return (
    <>
      <h1 className="text-3xl font-bold">Courriels envoyés (développement)</h1>
      <p className="mt-2">Les 50 derniers courriels de la file d&apos;envoi, du plus récent au plus ancien.</p>
      <ul className="mt-4 space-y-4">
        {emails.map((email) => (
          <li key={email.id} className="rounded border border-slate-300 p-3">
            <p>
              <strong>{email.subject}</strong> — à {email.to} — {dateTime.format(email.createdAt)} — {email.status}
            </p>
            <pre className="mt-2 whitespace-pre-wrap break-words font-sans">{linkify(email.text)}</pre>
          </li>
        ))}
      </ul>
    </>
  );
}

function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/).map((part, index) =>
    /^https?:\/\//.test(part) ? (
      <a key={index} href={part} className="text-accent underline">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
