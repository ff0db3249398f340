-- Drop and back-in-stock notices are stored as codes and parameters (drops' drop-notice-texts
-- writes them in the reader's language when read), as return notices already are.
-- Backfill: rows written in English before this change become their code and parameters
-- (the drop's mode from the drop itself, a cancellation's reason from its sentence) with no message.
UPDATE shopper_notices n SET params = jsonb_build_object('mode', d.mode), message = ''
FROM drops d
WHERE n.return_id IS NULL AND n.message <> '' AND n.kind IN ('DROP_OPEN', 'DROP_NOT_SELECTED') AND d.id = n.drop_id;

UPDATE shopper_notices SET
  params = jsonb_build_object('mode', CASE WHEN message IN ('Registration for a drop you follow is open.', 'You were not drawn this time.') THEN 'DRAW' ELSE 'QUEUE' END),
  message = ''
WHERE return_id IS NULL AND message <> '' AND kind IN ('DROP_OPEN', 'DROP_NOT_SELECTED');

UPDATE shopper_notices SET
  params = CASE WHEN message LIKE 'A drop you follow was cancelled: %' THEN jsonb_build_object('reason', substr(message, length('A drop you follow was cancelled: ') + 1)) ELSE '{}'::jsonb END,
  message = ''
WHERE return_id IS NULL AND message <> '' AND kind = 'DROP_CANCELLED';

UPDATE shopper_notices SET params = '{}'::jsonb, message = ''
WHERE return_id IS NULL AND message <> '' AND kind IN ('DROP_TURN', 'DROP_WON', 'DROP_TURN_EXPIRED', 'BACK_IN_STOCK');
