-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "failed_attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "last_decline_code" TEXT,
ADD COLUMN     "last_failed_at" TIMESTAMP(3),
ADD COLUMN     "last_failure_code" TEXT;

-- AlterTable
ALTER TABLE "payment_disputes" ADD COLUMN     "closed_at" TIMESTAMP(3),
ADD COLUMN     "evidence_due_by" TIMESTAMP(3),
ADD COLUMN     "evidence_submitted_at" TIMESTAMP(3),
ADD COLUMN     "evidence_submitted_by" UUID,
ADD COLUMN     "lost_amount_minor" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "payment_disputes_evidence_due_by_idx" ON "payment_disputes"("evidence_due_by");
