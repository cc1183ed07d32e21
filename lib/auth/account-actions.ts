"use server";

import { redirect } from "next/navigation";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { deleteAccount } from "./account";
import { can } from "./policy";
import { deleteAccountSchema } from "./schemas";

export const deleteMyAccount = authorizedAction(
  deleteAccountSchema,
  (actor) => can(actor, "account.manageOwn", null),
  async (actor) => {
    await deleteAccount(db, actor.userId);
    redirect("/?compte=supprime");
  },
);
