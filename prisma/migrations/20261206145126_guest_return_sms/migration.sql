-- CreateTable
CREATE TABLE "return_sms" (
    "id" UUID NOT NULL,
    "return_id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "step" TEXT NOT NULL,
    "step_key" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "params" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "template" TEXT,
    "message_id" TEXT,
    "request_id" TEXT,
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),

    CONSTRAINT "return_sms_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "return_sms_order_id_idx" ON "return_sms"("order_id");

-- CreateIndex
CREATE UNIQUE INDEX "return_sms_return_id_step_key_key" ON "return_sms"("return_id", "step_key");
