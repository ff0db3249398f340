-- Hand-written: a cancelled drop closes its open entries as CANCELLED (updateDrop and cancelDrop),
-- and a scheduled live session can be cancelled (cancelled_at, kept for the console's history).
ALTER TABLE "drop_entries" DROP CONSTRAINT "drop_entries_status_check";
ALTER TABLE "drop_entries" ADD CONSTRAINT "drop_entries_status_check" CHECK (status IN ('WAITING', 'ADMITTED', 'CHECKED_OUT', 'PAID', 'EXPIRED', 'NOT_SELECTED', 'VOIDED', 'CANCELLED'));

-- AlterTable
ALTER TABLE "live_sessions" ADD COLUMN "cancelled_at" TIMESTAMP(3);
