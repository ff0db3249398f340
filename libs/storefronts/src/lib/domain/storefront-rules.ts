import type { FieldIssue } from '@vitrine/shared/kernel';

export type StorefrontStatus = 'DRAFT' | 'OPEN' | 'CLOSED';

/**
 * An open storefront faces Chinese shoppers: it needs a zh-CN name, and a name in some
 * locale always. Paths are relative to the update input.
 */
export function storefrontProblems(s: { status: StorefrontStatus; name: { fr: string; en: string; zh: string } }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!s.name.fr && !s.name.en && !s.name.zh) issues.push({ path: 'input.name', message: 'needs text in at least one locale' });
  if (s.status === 'OPEN' && !s.name.zh) issues.push({ path: 'input.name.zhCN', message: 'an open storefront needs a zh-CN name' });
  return issues;
}
