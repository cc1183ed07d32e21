import Link from "next/link";

export default function FicheNotFound() {
  return (
    <>
      <h1 className="text-3xl font-bold">Fiche introuvable</h1>
      <p className="mt-3 max-w-prose text-lg">
        Aucune fiche ne correspond à ce code. Vérifiez les caractères (par exemple « TR-7K4Q-2M ») ou appelez la structure qui vous a
        remis la fiche.
      </p>
      <p className="mt-4">
        <Link href="/" className="text-accent underline">
          Accueil de Toile
        </Link>
      </p>
    </>
  );
}
