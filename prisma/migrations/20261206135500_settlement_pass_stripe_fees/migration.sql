-- Issue 21: a storefront's terms may pass Stripe's fees on to its sellers (commission_settings.pass_stripe_fees).
ALTER TABLE "commission_settings" ADD COLUMN "pass_stripe_fees" BOOLEAN NOT NULL DEFAULT false;

-- A setting is the terms its orders were placed under (order_line_commissions.setting_id): never edited nor deleted, a change is a new row.
CREATE TRIGGER "commission_settings_append_only" BEFORE UPDATE OR DELETE ON "commission_settings"
  FOR EACH ROW EXECUTE FUNCTION settlement_append_only();
