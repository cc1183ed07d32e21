"use server";

/** The account page's button: give me my agenda's address, or a new one (the old one stops working). */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction, type HandlerResult } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { feedToken } from "./appointments";

export const feedAddressAction = authorizedAction(
  z.object({ renew: z.enum(["0", "1"]) }),
  () => true,
  async (actor, input): Promise<HandlerResult> => {
    await feedToken(db, actor.userId, { renew: input.renew === "1" });
    revalidatePath("/compte");
    return { ok: true, data: null, message: input.renew === "1" ? "Nouvelle adresse créée : l'ancienne ne fonctionne plus." : "Adresse créée." };
  },
);
