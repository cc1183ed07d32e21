/** The refusal codes of lib/error-reports and their words, merged into the one mapper (lib/errors/messages.ts). */
export const ERROR_REPORT_MESSAGES = {
  "report.already_moved": () => "Quelqu'un d'autre vient de traiter ce signalement : la page montre maintenant où il en est.",
  "report.not_allowed": () => "Ce signalement est déjà clos : un nouveau signalement sur la même offre ouvrira un nouveau dossier.",
} satisfies Record<string, (params: never) => string>;
