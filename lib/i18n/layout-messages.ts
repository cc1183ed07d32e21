import { defineMessages } from "./messages";

/** The words of the frame around every page. */
export const layoutMessages = defineMessages({
  fr: { skipToContent: "Aller au contenu", professionals: "Espace professionnel", home: "Toile, accueil" },
  en: { skipToContent: "Skip to content", professionals: "For professionals", home: "Toile, home" },
  ar: { skipToContent: "الانتقال إلى المحتوى", professionals: "فضاء المهنيين", home: "Toile، الصفحة الرئيسية" },
});
