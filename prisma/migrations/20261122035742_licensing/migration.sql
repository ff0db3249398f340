-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ProposalStage" AS ENUM ('CONCEPT', 'PRE_PRODUCTION_SAMPLE', 'FINAL_SAMPLE');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('APPROVE', 'REJECT', 'REQUEST_CHANGES');

-- CreateEnum
CREATE TYPE "LicenceChannel" AS ENUM ('VITRINE_MARKETPLACE', 'BRAND_ONLINE', 'BRAND_RETAIL', 'MUSEUM_SHOP', 'WHOLESALE');

-- CreateEnum
CREATE TYPE "AgreementStatus" AS ENUM ('ACTIVE', 'EXPIRED');

-- CreateEnum
CREATE TYPE "RoyaltyEntryKind" AS ENUM ('ACCRUAL', 'REVERSAL');

-- CreateTable
CREATE TABLE "licensing_proposals" (
    "id" UUID NOT NULL,
    "museum_id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'DRAFT',
    "stage" "ProposalStage" NOT NULL DEFAULT 'CONCEPT',
    "amendment" BOOLEAN NOT NULL DEFAULT false,
    "content" JSONB NOT NULL,
    "current_version" INTEGER NOT NULL DEFAULT 1,
    "submitted_version" INTEGER,
    "approved_version" INTEGER,
    "submission_no" INTEGER NOT NULL DEFAULT 0,
    "submitted_at" TIMESTAMP(3),
    "first_submitted_at" TIMESTAMP(3),
    "review_due_at" TIMESTAMP(3),
    "created_by_user_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "licensing_proposals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "licensing_proposal_revisions" (
    "id" UUID NOT NULL,
    "proposal_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "stage" "ProposalStage" NOT NULL,
    "content" JSONB NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "author_user_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "licensing_proposal_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "licensing_reviews" (
    "id" UUID NOT NULL,
    "proposal_id" UUID NOT NULL,
    "submission_no" INTEGER NOT NULL,
    "stage" "ProposalStage" NOT NULL,
    "revision_version" INTEGER NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "reviewer_user_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "licensing_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "licensing_proposal_events" (
    "id" BIGSERIAL NOT NULL,
    "proposal_id" UUID NOT NULL,
    "event" TEXT NOT NULL,
    "from_status" "ProposalStatus",
    "to_status" "ProposalStatus" NOT NULL,
    "from_stage" "ProposalStage",
    "to_stage" "ProposalStage" NOT NULL,
    "revision_version" INTEGER,
    "comment" TEXT NOT NULL DEFAULT '',
    "actor_user_id" UUID,
    "actor_role" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "licensing_proposal_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "licence_agreements" (
    "id" UUID NOT NULL,
    "proposal_id" UUID NOT NULL,
    "museum_id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "status" "AgreementStatus" NOT NULL DEFAULT 'ACTIVE',
    "royalty_rate_bps" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "minimum_guarantee_minor" INTEGER NOT NULL,
    "advance_minor" INTEGER NOT NULL,
    "territory" TEXT[],
    "channels" "LicenceChannel"[],
    "term_start" DATE NOT NULL,
    "term_end" DATE NOT NULL,
    "sell_off_days" INTEGER NOT NULL,
    "sell_off_end" DATE NOT NULL,
    "approved_version" INTEGER NOT NULL,
    "expired_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "licence_agreements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "licensed_products" (
    "product_id" UUID NOT NULL,
    "agreement_id" UUID NOT NULL,
    "museum_id" UUID NOT NULL,
    "fulfilled_by_brand_id" UUID NOT NULL,
    "delisted_at" TIMESTAMP(3),
    "delist_reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "licensed_products_pkey" PRIMARY KEY ("product_id")
);

-- CreateTable
CREATE TABLE "royalty_ledger_entries" (
    "id" BIGSERIAL NOT NULL,
    "agreement_id" UUID NOT NULL,
    "order_line_id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "kind" "RoyaltyEntryKind" NOT NULL,
    "source_ref" TEXT NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL,
    "period_start" DATE NOT NULL,
    "units" INTEGER NOT NULL,
    "sale_minor" INTEGER NOT NULL,
    "sale_currency" CHAR(3) NOT NULL,
    "fx_rate" TEXT,
    "net_sales_minor" INTEGER NOT NULL,
    "royalty_minor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "statement_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "royalty_ledger_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "royalty_statements" (
    "id" UUID NOT NULL,
    "agreement_id" UUID NOT NULL,
    "museum_id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "entry_count" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "net_sales_minor" INTEGER NOT NULL,
    "royalty_minor" INTEGER NOT NULL,
    "cumulative_royalty_minor" INTEGER NOT NULL,
    "advance_recouped_minor" INTEGER NOT NULL,
    "advance_remaining_minor" INTEGER NOT NULL,
    "minimum_guarantee_shortfall_minor" INTEGER NOT NULL,
    "amount_payable_minor" INTEGER NOT NULL,
    "generated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "royalty_statements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "licensing_notifications" (
    "id" UUID NOT NULL,
    "museum_id" UUID,
    "brand_id" UUID,
    "proposal_id" UUID,
    "kind" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "due_at" TIMESTAMP(3),
    "read_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "licensing_notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "licensing_proposals_museum_id_status_review_due_at_idx" ON "licensing_proposals"("museum_id", "status", "review_due_at");

-- CreateIndex
CREATE INDEX "licensing_proposals_brand_id_updated_at_id_idx" ON "licensing_proposals"("brand_id", "updated_at" DESC, "id");

-- CreateIndex
CREATE INDEX "licensing_proposals_status_review_due_at_idx" ON "licensing_proposals"("status", "review_due_at");

-- CreateIndex
CREATE UNIQUE INDEX "licensing_proposal_revisions_proposal_id_version_key" ON "licensing_proposal_revisions"("proposal_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "licensing_reviews_proposal_id_submission_no_key" ON "licensing_reviews"("proposal_id", "submission_no");

-- CreateIndex
CREATE INDEX "licensing_proposal_events_proposal_id_id_idx" ON "licensing_proposal_events"("proposal_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "licence_agreements_proposal_id_key" ON "licence_agreements"("proposal_id");

-- CreateIndex
CREATE INDEX "licence_agreements_museum_id_created_at_id_idx" ON "licence_agreements"("museum_id", "created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "licence_agreements_brand_id_created_at_id_idx" ON "licence_agreements"("brand_id", "created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "licence_agreements_status_sell_off_end_idx" ON "licence_agreements"("status", "sell_off_end");

-- CreateIndex
CREATE INDEX "licensed_products_agreement_id_idx" ON "licensed_products"("agreement_id");

-- CreateIndex
CREATE INDEX "royalty_ledger_entries_agreement_id_statement_id_period_sta_idx" ON "royalty_ledger_entries"("agreement_id", "statement_id", "period_start");

-- CreateIndex
CREATE INDEX "royalty_ledger_entries_statement_id_idx" ON "royalty_ledger_entries"("statement_id");

-- CreateIndex
CREATE UNIQUE INDEX "royalty_ledger_entries_order_line_id_kind_source_ref_key" ON "royalty_ledger_entries"("order_line_id", "kind", "source_ref");

-- CreateIndex
CREATE INDEX "royalty_statements_museum_id_period_start_id_idx" ON "royalty_statements"("museum_id", "period_start" DESC, "id");

-- CreateIndex
CREATE INDEX "royalty_statements_brand_id_period_start_id_idx" ON "royalty_statements"("brand_id", "period_start" DESC, "id");

-- CreateIndex
CREATE UNIQUE INDEX "royalty_statements_agreement_id_period_start_key" ON "royalty_statements"("agreement_id", "period_start");

-- CreateIndex
CREATE UNIQUE INDEX "licensing_notifications_dedupe_key_key" ON "licensing_notifications"("dedupe_key");

-- CreateIndex
CREATE INDEX "licensing_notifications_museum_id_created_at_id_idx" ON "licensing_notifications"("museum_id", "created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "licensing_notifications_brand_id_created_at_id_idx" ON "licensing_notifications"("brand_id", "created_at" DESC, "id");

-- AddForeignKey
ALTER TABLE "licensing_proposal_revisions" ADD CONSTRAINT "licensing_proposal_revisions_proposal_id_fkey" FOREIGN KEY ("proposal_id") REFERENCES "licensing_proposals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "licensing_reviews" ADD CONSTRAINT "licensing_reviews_proposal_id_fkey" FOREIGN KEY ("proposal_id") REFERENCES "licensing_proposals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "licensing_proposal_events" ADD CONSTRAINT "licensing_proposal_events_proposal_id_fkey" FOREIGN KEY ("proposal_id") REFERENCES "licensing_proposals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "licence_agreements" ADD CONSTRAINT "licence_agreements_proposal_id_fkey" FOREIGN KEY ("proposal_id") REFERENCES "licensing_proposals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "licensed_products" ADD CONSTRAINT "licensed_products_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "licence_agreements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "royalty_ledger_entries" ADD CONSTRAINT "royalty_ledger_entries_statement_id_fkey" FOREIGN KEY ("statement_id") REFERENCES "royalty_statements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "royalty_statements" ADD CONSTRAINT "royalty_statements_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "licence_agreements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Invariants the database keeps whatever the code does (Prisma does not model CHECKs).
ALTER TABLE "licence_agreements"
  ADD CONSTRAINT "licence_agreements_rate_check" CHECK ("royalty_rate_bps" BETWEEN 0 AND 10000),
  ADD CONSTRAINT "licence_agreements_amounts_check" CHECK ("minimum_guarantee_minor" >= 0 AND "advance_minor" >= 0),
  ADD CONSTRAINT "licence_agreements_term_check" CHECK ("term_end" > "term_start" AND "sell_off_days" >= 0 AND "sell_off_end" = "term_end" + "sell_off_days");
ALTER TABLE "royalty_ledger_entries"
  ADD CONSTRAINT "royalty_ledger_entries_sign_check" CHECK (
    ("kind" = 'ACCRUAL' AND "units" >= 0 AND "sale_minor" >= 0 AND "net_sales_minor" >= 0 AND "royalty_minor" >= 0)
    OR ("kind" = 'REVERSAL' AND "units" <= 0 AND "sale_minor" <= 0 AND "net_sales_minor" <= 0 AND "royalty_minor" <= 0));
ALTER TABLE "licensing_proposals"
  ADD CONSTRAINT "licensing_proposals_version_check" CHECK ("current_version" >= 1 AND "submission_no" >= 0);
