-- AlterEnum
ALTER TYPE "CustomsMessageStatus" ADD VALUE 'WITHDRAWN';
