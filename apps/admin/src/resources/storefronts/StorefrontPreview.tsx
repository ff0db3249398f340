import { Box, Chip, Paper, Typography } from '@mui/material';
import { useGetMany, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { LocalizedText } from '../../data/localized';
import type { CollectionRecord } from '../collections/collections.data';

/** What a Chinese shopper sees (zh-CN, falling back to en then fr, as the shop does). */
const zhFirst = (t: Partial<LocalizedText> | undefined) => t?.zhCN || t?.en || t?.fr || '';

export const StorefrontPreview = () => {
  const translate = useTranslate();
  const name = useWatch({ name: 'name' }) as LocalizedText | undefined;
  const story = useWatch({ name: 'story' }) as LocalizedText | undefined;
  const bannerUrl = useWatch({ name: 'bannerUrl' }) as string | undefined;
  const status = useWatch({ name: 'status' }) as string | undefined;
  const featuredIds = (useWatch({ name: 'featuredCollectionIds' }) as string[] | undefined) ?? [];
  const { data: featured = [] } = useGetMany<CollectionRecord>('collections', { ids: featuredIds }, { enabled: featuredIds.length > 0 });

  return (
    <Box sx={{ position: 'sticky', top: 64 }} data-testid="storefront-preview">
      <Typography variant="overline">{translate('vitrine.storefront.preview')}</Typography>
      <Paper elevation={3} sx={{ width: 300, borderRadius: 4, overflow: 'hidden', border: '8px solid #222' }} lang="zh-CN">
        <Box
          sx={{
            height: 120,
            bgcolor: '#c8102e',
            backgroundImage: bannerUrl ? `url("${bannerUrl.replace(/"/g, '')}")` : undefined,
            backgroundSize: 'cover',
            backgroundPosition: 'center',
            display: 'flex',
            alignItems: 'flex-end',
            p: 1,
          }}
        >
          <Typography variant="h6" sx={{ color: '#fff', textShadow: '0 1px 3px rgba(0,0,0,.7)', fontWeight: 700 }}>
            {zhFirst(name) || '—'}
          </Typography>
        </Box>
        <Box sx={{ p: 1.5, minHeight: 200 }}>
          {status !== 'OPEN' && <Chip size="small" color="warning" label={translate('vitrine.storefront.not_open')} sx={{ mb: 1 }} />}
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mb: 1.5 }}>
            {zhFirst(story) || translate('vitrine.storefront.no_story')}
          </Typography>
          {featured.length > 0 && (
            <>
              <Typography variant="subtitle2">精选系列</Typography>
              <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', mt: 0.5 }}>
                {featured.map((c) => (
                  <Chip key={c.id} size="small" label={zhFirst(c.name) || c.slug} />
                ))}
              </Box>
            </>
          )}
        </Box>
      </Paper>
    </Box>
  );
};
