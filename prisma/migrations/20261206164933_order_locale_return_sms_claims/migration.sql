-- AlterTable
ALTER TABLE "checkouts" ADD COLUMN     "locale" VARCHAR(8) NOT NULL DEFAULT 'zh-CN';

-- AlterTable
ALTER TABLE "return_sms" ADD COLUMN     "claimed_at" TIMESTAMP(3);
