-- The shop window's search reads products_search_vector_idx on every search page. With GIN's
-- fastupdate (the default) new and changed rows wait in a pending list that every search scans
-- in full until a vacuum merges it: on the bench's 10,000 freshly written products a search page
-- cost PostgreSQL 8-14 ms (the planner then also walked the whole sort index), 0.1-0.2 ms once
-- merged (issue 18, docs/performance.md). Catalogue writes are rare next to searches, so they
-- update the index directly instead, and what is pending now is merged here.
ALTER INDEX "products_search_vector_idx" SET (fastupdate = off);

SELECT gin_clean_pending_list('products_search_vector_idx'::regclass);
