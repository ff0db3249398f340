-- AlterTable
ALTER TABLE "order_return_events" ADD COLUMN     "params" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "shopper_notices" ADD COLUMN     "params" JSONB NOT NULL DEFAULT '{}';

-- Backfill (issue 20): the English sentences written so far become the parameters of their
-- codes, and after-sales return-texts writes kind + params in the language of the reader.
-- The words of people (comments, the reason customs gave, the place the carrier named) stay as
-- they were written, as parameters. Only rows still holding their sentence are touched.
UPDATE "order_return_events" SET "params" = jsonb_build_object('reason', split_part("detail", ':', 1), 'lines',
    (SELECT COALESCE(jsonb_agg(jsonb_build_object('lineId', m[2], 'quantity', m[1]::int)), '[]'::jsonb) FROM regexp_matches("detail", '(\d+) × line ([0-9a-f-]{36})', 'g') AS m)), "detail" = ''
  WHERE "kind" = 'REQUESTED' AND "detail" ~ '^[A-Z_]+: ';
UPDATE "order_return_events" SET "params" = jsonb_build_object('comment', "detail"), "detail" = '' WHERE "kind" IN ('ACCEPTED', 'REFUSED') AND "detail" <> '';
UPDATE "order_return_events" SET "params" = jsonb_build_object('reason', "detail"), "detail" = '' WHERE "kind" = 'CUSTOMS_REJECTED' AND "detail" <> '';
UPDATE "order_return_events" SET "params" = jsonb_build_object('waybill', substring("detail" from '^return waybill (.+)$')), "detail" = '' WHERE "kind" = 'WAYBILL' AND "detail" ~ '^return waybill ';
UPDATE "order_return_events" SET "params" = jsonb_build_object('place', substring("detail" from '^the carrier delivered the parcel: (.*)$')), "detail" = '' WHERE "kind" = 'ARRIVED' AND "detail" ~ '^the carrier delivered the parcel: ';
UPDATE "order_return_events" SET "params" = jsonb_build_object('lines',
    (SELECT COALESCE(jsonb_agg(jsonb_build_object('lineId', m[3], 'accepted', m[1]::int, 'sellable', m[2] = 'back on sale')), '[]'::jsonb) FROM regexp_matches("detail", '(\d+) accepted \((back on sale|set aside)\) of line ([0-9a-f-]{36})', 'g') AS m)), "detail" = ''
  WHERE "kind" = 'INSPECTED' AND "detail" <> '';
UPDATE "order_return_events" SET "params" = jsonb_build_object('amountMinor', substring("detail" from '^(\d+) fen')::bigint, 'currency', 'CNY', 'status', substring("detail" from '\((\w+)\)$')), "detail" = ''
  WHERE "kind" = 'REFUNDED' AND "detail" ~ '^\d+ fen';
UPDATE "order_return_events" SET "params" = jsonb_build_object('amountMinor', 0, 'currency', 'CNY'), "detail" = '' WHERE "kind" = 'REFUNDED' AND "detail" = 'nothing accepted: nothing to refund';
UPDATE "order_return_events" SET "params" = jsonb_build_object('status', substring("detail" from '^Stripe answered (\w+)$')), "detail" = '' WHERE "kind" = 'REFUND_FAILED' AND "detail" ~ '^Stripe answered \w+$';
UPDATE "order_return_events" SET "params" = jsonb_build_object('refundId', substring("detail" from '^Stripe reported refund (\S+) '), 'status', substring("detail" from '^Stripe reported refund \S+ (\w+):')), "detail" = ''
  WHERE "kind" = 'REFUND_FAILED' AND "detail" ~ '^Stripe reported refund \S+ \w+:';
UPDATE "order_return_events" SET "params" = jsonb_build_object('error', "detail"), "detail" = '' WHERE "kind" = 'REFUND_FAILED' AND "detail" <> '';
UPDATE "order_return_events" SET "params" = jsonb_build_object('deadline', substring("detail" from ' by (\S+)$')), "detail" = '' WHERE "kind" = 'LATE' AND "detail" ~ '^not at the supervised site by ';
UPDATE "order_return_events" SET "detail" = '' WHERE "kind" IN ('RECEIVED', 'CUSTOMS_ACCEPTED') AND "detail" IN ('marked received by the seller', 'customs accepted the return declaration');

UPDATE "shopper_notices" SET "params" = jsonb_build_object('arrivalDeadline', substring("message" from 'before (\d{4}-\d{2}-\d{2})')), "message" = '' WHERE "return_id" IS NOT NULL AND "kind" = 'ACCEPTED' AND "message" <> '';
UPDATE "shopper_notices" SET "params" = jsonb_build_object('comment', substring("message" from '^Your return was refused: (.*)$')), "message" = '' WHERE "return_id" IS NOT NULL AND "kind" = 'REFUSED' AND "message" <> '';
UPDATE "shopper_notices" SET "params" = jsonb_build_object('amountMinor', substring("message" from '(\d+) fen')::bigint, 'currency', 'CNY'), "message" = '' WHERE "return_id" IS NOT NULL AND "kind" = 'REFUNDED' AND "message" <> '';
UPDATE "shopper_notices" SET "params" = jsonb_build_object('waybill', substring("message" from '^Your return waybill is ([^\x3b]+)\x3b')), "message" = '' WHERE "return_id" IS NOT NULL AND "kind" = 'WAYBILL' AND "message" <> '';
UPDATE "shopper_notices" SET "params" = jsonb_build_object('deadline', substring("message" from ' by (\d{4}-\d{2}-\d{2})')), "message" = '' WHERE "return_id" IS NOT NULL AND "kind" = 'LATE' AND "message" <> '';
UPDATE "shopper_notices" SET "message" = '' WHERE "return_id" IS NOT NULL AND "kind" IN ('REQUESTED', 'ARRIVED', 'RECEIVED', 'INSPECTED', 'REFUND_FAILED', 'CUSTOMS_ACCEPTED', 'CUSTOMS_REJECTED');
