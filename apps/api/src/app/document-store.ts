import type { DocumentStore } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * Heap bytes a parsed document takes per character of its query text. graphql-js keeps every
 * node's location and the whole token list of the text (`loc.startToken` … `endToken`), so a
 * parsed document is far larger than its text: measured with `parse` and `process.memoryUsage()`
 * after a full GC over 5,000 distinct documents (Node 20, graphql 16), 70 bytes a character for
 * the shop's product-list query (455 characters, 31.8 KB parsed) and 79 for the shop's add to
 * cart (103 characters, 8.1 KB). Apollo's own estimate (the length of the document's JSON, which
 * leaves the tokens out) is 4–5 times too small: its default document store, "30 MiB", could hold
 * about 120–150 MB of heap (issue 18: every cache bounded by bytes, the API within 400 MB).
 */
export const DOCUMENT_BYTES_PER_CHAR = 80;
/** Per entry besides the document: the key (a schema hash and a SHA-256, about 130 characters) and the cache's own bookkeeping. */
const ENTRY_OVERHEAD_BYTES = 512;
/** Enough for about 500 documents the size of the shop's product list: the shop and console send a few hundred distinct operations. */
export const DEFAULT_DOCUMENT_STORE_BYTES = 16 * 2 ** 20;

/** The estimated heap bytes of a parsed document: its text's length times the measured ratio (JSON's length times 5 without a location). */
export function documentBytes(document: DocumentNode): number {
  const text = document.loc?.source.body;
  const estimate = text !== undefined ? text.length * DOCUMENT_BYTES_PER_CHAR : 5 * Buffer.byteLength(JSON.stringify(document));
  return estimate + ENTRY_OVERHEAD_BYTES;
}

/**
 * Apollo's store of parsed and validated documents, keyed by the SHA-256 of the query text (Apollo
 * computes the key, prefixed with its schema's hash): a repeated operation is neither parsed nor
 * validated again. Least recently used first out, bounded by the estimated heap bytes of what it holds.
 */
export function documentStore(maxBytes = DEFAULT_DOCUMENT_STORE_BYTES): DocumentStore & { readonly bytes: number; readonly size: number } {
  const cache = new LRUCache<string, DocumentNode>({ maxSize: maxBytes, sizeCalculation: documentBytes });
  return {
    async get(key) {
      return cache.get(key);
    },
    async set(key, value) {
      cache.set(key, value);
    },
    async delete(key) {
      return cache.delete(key);
    },
    get bytes() {
      return cache.calculatedSize;
    },
    get size() {
      return cache.size;
    },
  };
}
