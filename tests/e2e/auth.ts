import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";
import { magicLinkSentTo, outboxMark, withDatabase } from "./outbox";

/** Signs in for real: asks for a magic link, reads it from the outbox, opens it. */
export async function signIn(page: Page, email: string, callbackUrl = "/compte") {
  const since = await outboxMark();
  await page.goto(`/connexion?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Adresse courriel").fill(email);
  await page.getByRole("button", { name: "Recevoir mon lien de connexion" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Regardez vos courriels");
  await page.goto(await magicLinkSentTo(email, since));
}

/**
 * Signs in without the email round trip (the real flow is covered by sign-in.spec.ts): a
 * database session as next-auth creates one, and its cookie. Creates the account if needed.
 */
export async function signInFast(page: Page, email: string) {
  const token = randomBytes(32).toString("hex");
  await withDatabase(async (client) => {
    await client.query(
      `insert into "User" (id, email, "updatedAt") values (gen_random_uuid(), $1, now()) on conflict (email) do nothing`,
      [email],
    );
    // The expiry on the app's clock (this machine's, as next-auth writes it), not the database's:
    // the two may disagree, and the app compares it with its own.
    await client.query(
      `insert into "Session" (id, "sessionToken", "userId", expires)
       select gen_random_uuid(), $1, id, $3 from "User" where email = $2`,
      [token, email, new Date(Date.now() + 24 * 60 * 60_000)],
    );
  });
  await page.context().addCookies([
    { name: "next-auth.session-token", value: token, domain: "localhost", path: "/", httpOnly: true, sameSite: "Lax" },
  ]);
}
