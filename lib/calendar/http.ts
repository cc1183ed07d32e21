/** The answer of every calendar route: the file, never cached by a shared cache, or a plain 404. */
export function calendarResponse(body: string | null, filename: string): Response {
  if (body === null) return new Response("Introuvable.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `inline; filename="${filename}"`,
      "cache-control": "private, no-store",
      "referrer-policy": "no-referrer",
    },
  });
}
