-- AlterTable
ALTER TABLE "shopper_notices" ADD COLUMN     "drop_id" UUID,
ADD COLUMN     "variant_id" UUID,
ALTER COLUMN "order_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "drops" (
    "id" UUID NOT NULL,
    "museum_id" UUID NOT NULL,
    "variant_id" UUID NOT NULL,
    "mode" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'SCHEDULED',
    "starts_at" TIMESTAMP(3) NOT NULL,
    "registration_closes_at" TIMESTAMP(3),
    "edition_size" INTEGER NOT NULL,
    "per_identity_limit" INTEGER NOT NULL,
    "pay_window_seconds" INTEGER NOT NULL,
    "seed_hash" TEXT,
    "seed" TEXT,
    "next_position" INTEGER NOT NULL DEFAULT 0,
    "shuffled_at" TIMESTAMP(3),
    "drawn_at" TIMESTAMP(3),
    "ended_at" TIMESTAMP(3),
    "created_by_user_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "drops_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drop_entries" (
    "id" UUID NOT NULL,
    "drop_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "identity_hash" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'WAITING',
    "position" INTEGER,
    "client_ip" TEXT,
    "joined_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "admitted_at" TIMESTAMP(3),
    "turn_ends_at" TIMESTAMP(3),
    "checkout_id" UUID,
    "drawn" BOOLEAN NOT NULL DEFAULT false,
    "voided_at" TIMESTAMP(3),
    "void_reason" TEXT,

    CONSTRAINT "drop_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notice_subscriptions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "target_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notified_at" TIMESTAMP(3),

    CONSTRAINT "notice_subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "drops_status_starts_at_idx" ON "drops"("status", "starts_at");

-- CreateIndex
CREATE INDEX "drops_museum_id_created_at_idx" ON "drops"("museum_id", "created_at");

-- CreateIndex
CREATE INDEX "drops_variant_id_idx" ON "drops"("variant_id");

-- CreateIndex
CREATE INDEX "drop_entries_drop_id_status_position_idx" ON "drop_entries"("drop_id", "status", "position");

-- CreateIndex
CREATE INDEX "drop_entries_drop_id_client_ip_idx" ON "drop_entries"("drop_id", "client_ip");

-- CreateIndex
CREATE UNIQUE INDEX "drop_entries_drop_id_identity_hash_key" ON "drop_entries"("drop_id", "identity_hash");

-- CreateIndex
CREATE UNIQUE INDEX "drop_entries_drop_id_user_id_key" ON "drop_entries"("drop_id", "user_id");

-- CreateIndex
CREATE INDEX "notice_subscriptions_kind_notified_at_idx" ON "notice_subscriptions"("kind", "notified_at");

-- CreateIndex
CREATE UNIQUE INDEX "notice_subscriptions_user_id_kind_target_id_key" ON "notice_subscriptions"("user_id", "kind", "target_id");

-- AddForeignKey
ALTER TABLE "drop_entries" ADD CONSTRAINT "drop_entries_drop_id_fkey" FOREIGN KEY ("drop_id") REFERENCES "drops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the rules the database itself keeps.
ALTER TABLE "drops" ADD CONSTRAINT "drops_mode_check" CHECK (mode IN ('QUEUE', 'DRAW'));
ALTER TABLE "drops" ADD CONSTRAINT "drops_status_check" CHECK (status IN ('SCHEDULED', 'REGISTRATION', 'ALLOCATING', 'ENDED', 'CANCELLED'));
ALTER TABLE "drops" ADD CONSTRAINT "drops_sizes_check" CHECK (edition_size > 0 AND per_identity_limit > 0 AND per_identity_limit <= edition_size AND pay_window_seconds > 0);
ALTER TABLE "drops" ADD CONSTRAINT "drops_draw_check" CHECK (mode = 'QUEUE' OR (seed_hash IS NOT NULL AND registration_closes_at IS NOT NULL AND registration_closes_at > starts_at));
ALTER TABLE "drop_entries" ADD CONSTRAINT "drop_entries_status_check" CHECK (status IN ('WAITING', 'ADMITTED', 'CHECKED_OUT', 'PAID', 'EXPIRED', 'NOT_SELECTED', 'VOIDED'));
CREATE INDEX "drop_entries_checkout_id_idx" ON "drop_entries"("checkout_id") WHERE checkout_id IS NOT NULL;
