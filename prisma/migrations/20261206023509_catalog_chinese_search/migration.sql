-- CreateEnum
CREATE TYPE "CatalogLabelKind" AS ENUM ('CATEGORY', 'OPTION_NAME', 'OPTION_VALUE');

-- AlterTable
ALTER TABLE "artworks" ADD COLUMN     "artist_en" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "artist_zh" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "product_media" ADD COLUMN     "alt_en" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "alt_fr" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "alt_zh" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "catalog_labels" (
    "kind" "CatalogLabelKind" NOT NULL,
    "key" TEXT NOT NULL,
    "name_fr" TEXT NOT NULL DEFAULT '',
    "name_en" TEXT NOT NULL DEFAULT '',
    "name_zh" TEXT NOT NULL DEFAULT '',
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "catalog_labels_pkey" PRIMARY KEY ("kind","key")
);

-- CreateTable
CREATE TABLE "search_synonym_groups" (
    "id" UUID NOT NULL,
    "terms" TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "search_synonym_groups_pkey" PRIMARY KEY ("id")
);

-- Chinese search (docs/adr/0013-chinese-search.md). Chinese has no spaces between words and
-- the server has no Chinese parser (zhparser, pg_jieba): each run of CJK characters of the
-- (already normalized) search text is indexed as its overlapping bigrams, plus its last
-- character, so a 2-character word is one lexeme and any longer word a phrase of bigrams.
-- Other runs stay whole words. This function is the one place the tokenization lives for
-- documents, and libs/catalog domain/search-query.ts builds queries of the same tokens.
-- (No semicolon inside the body: the migration runner splits statements on them.)
CREATE FUNCTION catalog_search_document(doc text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
  SELECT coalesce(string_agg(t.tok, ' ' ORDER BY m.ord, t.i), '')
  FROM regexp_matches(doc, '([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[^\s\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)', 'g') WITH ORDINALITY AS m(g, ord)
  CROSS JOIN LATERAL (
    SELECT i, CASE WHEN NOT x.cjk THEN x.p WHEN i < x.n THEN substr(x.p, i, 2) ELSE substr(x.p, i, 1) END AS tok
    FROM (SELECT m.g[1] AS p, m.g[1] ~ '^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]' AS cjk, char_length(m.g[1]) AS n) x
    CROSS JOIN LATERAL generate_series(1, CASE WHEN x.cjk THEN x.n ELSE 1 END) AS i
  ) t
$fn$;

ALTER TABLE "products" ADD COLUMN "search_vector" tsvector
  GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, catalog_search_document("search_text"))) STORED;

CREATE INDEX "products_search_vector_idx" ON "products" USING GIN ("search_vector");

-- The trigram index served search_text LIKE '%term%', which the search no longer runs (a
-- 2-character Chinese word has no trigram, so it read the whole index).
DROP INDEX IF EXISTS "products_search_text_trgm_idx";
