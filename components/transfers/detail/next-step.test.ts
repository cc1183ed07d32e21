import { describe, expect, it } from "vitest";
import { TRANSFER_STATUSES } from "@/lib/transfers/state-machine";
import { nextStep } from "./next-step";

const names = { from: "Association Lien numérique", to: "Espace France Services" };

describe("nextStep", () => {
  it("tells the receiver of a new transfer to confirm it, and the sender that it waits", () => {
    expect(nextStep("sent", ["receiver"], names)).toMatch(/^Nouveau transfert de Association Lien numérique : confirmez sa réception \(« Bien reçu »\)/);
    expect(nextStep("sent", ["sender"], names)).toBe("Envoyé : Espace France Services n'a pas encore confirmé sa réception.");
    expect(nextStep("sent", [], names)).toBe("Envoyé : Espace France Services n'a pas encore confirmé sa réception.");
  });

  it("asks the sender to re-orient after a decline, and the receiver to close after accepting", () => {
    expect(nextStep("declined", ["sender"], names)).toMatch(/réorientez la personne/);
    expect(nextStep("declined", ["receiver"], names)).not.toMatch(/réorientez/);
    expect(nextStep("accepted", ["receiver"], names)).toMatch(/clôturez le transfert en notant le résultat/);
  });

  it("says something for every status and every side", () => {
    for (const status of TRANSFER_STATUSES) {
      for (const parties of [["sender"], ["receiver"], []] as const) expect(nextStep(status, parties, names).length).toBeGreaterThan(10);
    }
  });
});
