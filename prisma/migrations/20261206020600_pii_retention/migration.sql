-- CreateEnum
CREATE TYPE "PiiDeletionKind" AS ENUM ('ACCOUNT', 'IDENTITY');

-- AlterTable
ALTER TABLE "customs_identities" ADD COLUMN     "purged_at" TIMESTAMP(3),
ALTER COLUMN "id_ciphertext" DROP NOT NULL;

-- CreateTable
CREATE TABLE "pii_access_audit" (
    "id" BIGSERIAL NOT NULL,
    "identity_id" UUID NOT NULL,
    "actor" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "order_ids" UUID[],
    "accessed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pii_access_audit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pii_deletion_requests" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" "PiiDeletionKind" NOT NULL,
    "identity_id" UUID,
    "requested_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMP(3),

    CONSTRAINT "pii_deletion_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "pii_access_audit_identity_id_accessed_at_idx" ON "pii_access_audit"("identity_id", "accessed_at");

-- CreateIndex
CREATE INDEX "pii_deletion_requests_completed_at_requested_at_idx" ON "pii_deletion_requests"("completed_at", "requested_at");

-- CreateIndex
CREATE INDEX "pii_deletion_requests_user_id_requested_at_idx" ON "pii_deletion_requests"("user_id", "requested_at");

-- A destroyed ciphertext leaves a purged row, a sealed row has no purge time.
ALTER TABLE "customs_identities" ADD CONSTRAINT "customs_identities_sealed_or_purged"
  CHECK (("id_ciphertext" IS NULL) = ("purged_at" IS NOT NULL));

-- The retention job walks only the rows still holding a ciphertext.
CREATE INDEX "customs_identities_sealed_idx" ON "customs_identities"("id") WHERE "id_ciphertext" IS NOT NULL;

-- Open deletion requests, oldest first (the retention job), and one open request per subject.
CREATE UNIQUE INDEX "pii_deletion_requests_open_key" ON "pii_deletion_requests"("user_id", "kind", COALESCE("identity_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "completed_at" IS NULL;

-- The decryption audit is append-only, whatever the role (the tests and many deployments
-- connect as the owner or a superuser, which GRANTs do not bind): rows can be added, never
-- changed or removed. A superuser could still drop the trigger, which is a DDL act, outside
-- the application's code paths.
-- The bodies are E-strings with \073 for the semicolons: the migration runner splits scripts on every semicolon.
CREATE FUNCTION "pii_access_audit_append_only"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''pii_access_audit is append-only: % refused'', TG_OP USING ERRCODE = ''insufficient_privilege''\073
END
';
CREATE TRIGGER "pii_access_audit_no_update_delete" BEFORE UPDATE OR DELETE ON "pii_access_audit"
  FOR EACH ROW EXECUTE FUNCTION "pii_access_audit_append_only"();
CREATE TRIGGER "pii_access_audit_no_truncate" BEFORE TRUNCATE ON "pii_access_audit"
  FOR EACH STATEMENT EXECUTE FUNCTION "pii_access_audit_append_only"();

-- Where the application runs as a role that does not own the tables (production:
-- vitrine_app, docs/adr/0011-pii-retention.md), it may only add and read audit rows.
REVOKE UPDATE, DELETE, TRUNCATE ON "pii_access_audit" FROM PUBLIC;
DO E'
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ''vitrine_app'') THEN
    REVOKE UPDATE, DELETE, TRUNCATE ON "pii_access_audit" FROM vitrine_app\073
    GRANT SELECT, INSERT ON "pii_access_audit" TO vitrine_app\073
    GRANT USAGE ON SEQUENCE "pii_access_audit_id_seq" TO vitrine_app\073
  END IF\073
END
';
