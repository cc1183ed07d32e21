import nodemailer from "nodemailer";
import { afterEach, describe, expect, it } from "vitest";
import { decodeHeader, startSmtpSink, type SmtpSink } from "./smtp-sink";

describe("the SMTP sink of the cluster test", () => {
  let sink: SmtpSink | undefined;
  afterEach(async () => {
    await sink?.close();
    sink = undefined;
  });

  it("keeps each message nodemailer delivers, with its recipients and its decoded subject", async () => {
    sink = await startSmtpSink();
    const transport = nodemailer.createTransport(`smtp://127.0.0.1:${sink.port}`);
    const long = `Copie pour la coordination : le transfert TR-7K4Q-2M attend une réponse ${"é".repeat(40)}`;
    await transport.sendMail({ from: "Toile <ne-pas-repondre@toile.invalid>", to: "Accueil@Exemple.fr", subject: "Rappel : confirmez la réception", text: "Bonjour\n.\nfin" });
    await transport.sendMail({ from: "Toile <ne-pas-repondre@toile.invalid>", to: "b@exemple.fr", subject: long, text: "x".repeat(5000) });
    transport.close();
    expect(sink.messages).toEqual([
      { to: ["accueil@exemple.fr"], subject: "Rappel : confirmez la réception" },
      { to: ["b@exemple.fr"], subject: long },
    ]);
  });

  it("decodes Q and B encoded words, joined across folded lines", () => {
    expect(decodeHeader("=?UTF-8?Q?Transfert_expir=C3=A9?= =?UTF-8?B?IOKAlCBmaW4=?=")).toBe("Transfert expiré — fin");
    expect(decodeHeader("Plain subject")).toBe("Plain subject");
  });
});
