-- AlterEnum
ALTER TYPE "AttributionChannel" ADD VALUE 'SEARCH';
