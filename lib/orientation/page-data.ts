/** What the orientation pages read, with the one client bound: app/ never imports `db`. */
import { withDb } from "@/lib/db";
import { orient } from "./engine";

export const loadOrientation = withDb(orient);
