-- AlterEnum
ALTER TYPE "AttributionChannel" ADD VALUE 'SHARE';
