-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "wallet_method" TEXT;
