/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Imports post files of up to 20 MB to a server action (lib/open-data/import/actions.ts); the
  // parser reports a larger file itself, so the limit leaves room above it.
  experimental: { serverActions: { bodySizeLimit: "25mb" } },
};

export default nextConfig;
