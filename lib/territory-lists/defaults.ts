/**
 * The short lists a territory starts with, editable by its coordinators afterwards.
 * - usage_skill: seed 002's "RDV usages" aim at skills the person chose; the examples of issue 17.
 * - request_category: seed 003's ten most frequent requests at an informaticien public's
 *   permanence (ARC Namur), in its words, plus what falls outside them.
 */
import type { TerritoryListKind } from "@/lib/generated/prisma/enums";

export const DEFAULT_LIST_ITEMS: Record<TerritoryListKind, string[]> = {
  usage_skill: [
    "Envoyer un courriel avec une pièce jointe",
    "Utiliser FranceConnect",
    "Prendre rendez-vous en ligne",
    "Créer et retenir ses mots de passe",
    "Scanner un document avec son smartphone",
    "Installer et mettre à jour une application",
    "Reconnaître une arnaque en ligne",
  ],
  request_category: [
    "Installation d'applications sur smartphone",
    "Récupération de mot de passe ou de compte e-mail",
    "Opérations bancaires en ligne",
    "Utilisation des plateformes administratives en ligne",
    "Prolongation d'inscription (France Travail, Forem, Actiris)",
    "Déclarations d'impôts en ligne",
    "Information et rendez-vous avec l'administration communale",
    "Recherche de logement",
    "Utilisation du traducteur en ligne",
    "Recherche d'emploi, intérim",
    "Autre demande",
  ],
};
