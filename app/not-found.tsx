import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1 className="text-2xl font-bold">Page introuvable</h1>
      <p className="mt-2">
        Cette page n&apos;existe pas ou plus. <Link href="/" className="text-accent underline">Revenir à l&apos;accueil</Link>
      </p>
    </>
  );
}
