-- A customs message row is updated after it is written (sent, then each receipt), and
-- PostgreSQL writes a whole new row version each time. PostgreSQL moves a value out of line
-- (TOAST) only once a row passes about 2 KB, which the order document's rows do (1.8 KB of masked
-- XML): by default their XML was compressed and kept inline (about 1 KB), so every update copied
-- it. With toast_tuple_target at its minimum, a row that is toasted at all is brought down to
-- 128 bytes: the XML goes out of line, written once, and an update copies only a pointer. The
-- payment and waybill documents (about 0.9 KB) stay inline. bench:pipeline: customs_messages heap
-- 221 MB -> 130 MB for 20,000 orders.
ALTER TABLE "customs_messages" SET (toast_tuple_target = 128);
-- lz4 compresses at a fraction of pglz's CPU (PostgreSQL 14+, built with lz4 as Debian's and the
-- official images are).
ALTER TABLE "customs_messages" ALTER COLUMN "xml_masked" SET COMPRESSION lz4;
