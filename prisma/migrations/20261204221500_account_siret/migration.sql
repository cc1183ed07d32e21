-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "siret" TEXT;
