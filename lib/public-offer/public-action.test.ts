import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError, refusal } from "@/lib/errors/app-error";
import type { Locale } from "@/lib/i18n/locales";

vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "toile.exemple.fr", "x-toile-client-address": "203.0.113.9" }) }));
const { publicAction } = await import("./public-action");

const schemaFor = (locale: Locale) => z.object({ lang: z.string().optional(), subject: z.string().min(1, { fr: "Choisissez.", en: "Choose.", ar: "اختر." }[locale]) });
const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
};

describe("publicAction's refusals: codes said in the page's language", () => {
  it("invalid input: form.invalid in the posted language, the schema's words on their fields", async () => {
    const action = publicAction(schemaFor, async () => ({ ok: true, data: null }));
    expect(await action(null, form({ lang: "en", subject: "" }))).toEqual({
      ok: false,
      code: "form.invalid",
      error: "Please correct the fields shown.",
      fieldErrors: { subject: ["Choose."] },
      values: { lang: "en", subject: "" },
    });
    expect(await action(null, form({ subject: "" }))).toMatchObject({ error: "Corrigez les champs signalés." });
  });

  it("a returned or thrown refusal is said in the posted language", async () => {
    const returned = publicAction(schemaFor, async () => refusal({ code: "report.rate_limited", params: { minutes: 3 } }));
    const thrown = publicAction(schemaFor, async () => {
      throw new AppError({ code: "report.offer_gone" });
    });
    expect(await returned(null, form({ lang: "ar", subject: "x" }))).toEqual({
      ok: false,
      code: "report.rate_limited",
      error: "شكرا، لقد استلمنا بلاغاتك. لتجنب الإساءة، أعد المحاولة بعد 3 دقيقة.",
      values: { lang: "ar", subject: "x" },
    });
    expect(await thrown(null, form({ lang: "en", subject: "x" }))).toMatchObject({ ok: false, code: "report.offer_gone", error: "This offer is no longer published." });
  });

  it("gives the handler the visitor's language, address and the site's origin", async () => {
    vi.stubEnv("NEXTAUTH_URL", "");
    const handler = vi.fn(async () => ({ ok: true as const, data: null }));
    await publicAction(schemaFor, handler)(null, form({ lang: "ar", subject: "x" }));
    expect(handler).toHaveBeenCalledWith({ lang: "ar", subject: "x" }, { locale: "ar", ip: "203.0.113.9", origin: "http://toile.exemple.fr" });
    vi.unstubAllEnvs();
  });
});
