-- CreateTable
CREATE TABLE "shopper_addresses" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    "phone" VARCHAR(11) NOT NULL,
    "province" VARCHAR(50) NOT NULL,
    "city" VARCHAR(50) NOT NULL,
    "district" VARCHAR(50) NOT NULL,
    "street" VARCHAR(200) NOT NULL,
    "postal_code" VARCHAR(6),
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "shopper_addresses_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "shopper_addresses_user_id_is_default_idx" ON "shopper_addresses"("user_id", "is_default");

-- At most one default address per shopper: the guard under the service, which switches it under a per-shopper lock.
CREATE UNIQUE INDEX "shopper_addresses_one_default" ON "shopper_addresses"("user_id") WHERE "is_default";
