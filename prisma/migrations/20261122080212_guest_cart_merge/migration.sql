-- AlterEnum
ALTER TYPE "CartStatus" ADD VALUE 'MERGED';

-- AlterTable
ALTER TABLE "carts" ADD COLUMN     "merged_into_id" UUID;

-- AddForeignKey
ALTER TABLE "carts" ADD CONSTRAINT "carts_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "carts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
