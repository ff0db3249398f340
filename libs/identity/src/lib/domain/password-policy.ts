import { z } from 'zod';

export const emailSchema = z.string().trim().toLowerCase().email('must be an email address').max(254);
export const passwordSchema = z
  .string()
  .min(10, 'must have at least 10 characters')
  .max(200, 'must have at most 200 characters');
