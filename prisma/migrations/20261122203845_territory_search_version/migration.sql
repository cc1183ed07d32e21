-- AlterTable
ALTER TABLE "Territory" ADD COLUMN     "searchVersion" INTEGER NOT NULL DEFAULT 0;
