import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  Alert,
  Box,
  Card,
  CardContent,
  Chip,
  Link as MuiLink,
  MenuItem,
  Step,
  StepLabel,
  Stepper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
  alpha,
} from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { When } from '../components/DetailParts';
import { Thumbnail } from '../components/Thumbnail';
import { pickText, type LocalizedText } from '../data/localized';
import { bpsToPercent, formatMoney } from '../data/money';
import {
  PROPOSAL_STAGES,
  proposalDiff,
  type FieldChange,
  type MoneyValue,
  type ProposalContent,
  type ProposalRecord,
  type ProposalRevision,
} from './proposal-api';
import { dateLocale } from '../data/dates';

export const CONTENT_KEYS: (keyof ProposalContent)[] = [
  'title',
  'concept',
  'imageUrls',
  'artworkIds',
  'category',
  'crossBorderCategory',
  'targetRetailPrice',
  'forecastUnits',
  'territory',
  'channels',
  'termStart',
  'termEnd',
  'sellOffDays',
  'royaltyRateBps',
  'minimumGuarantee',
  'advance',
  'specification',
];

type Translate = ReturnType<typeof useTranslate>;
type Works = Map<string, { accessionNumber: string; title: LocalizedText }>;

const isMoney = (v: unknown): v is MoneyValue => Boolean(v && typeof v === 'object' && 'amount' in v && 'currency' in v);

/** One content value (or a diff's before/after) as words. */
export function formatValue(path: string, value: unknown, locale: string, translate: Translate, works?: Works): ReactNode {
  if (value == null || (Array.isArray(value) && value.length === 0)) return <Typography component="span" color="text.disabled">—</Typography>;
  const key = path.split('.')[0];
  if (key === 'royaltyRateBps' && typeof value === 'number') return `${bpsToPercent(value)} %`;
  if (isMoney(value)) return formatMoney(value.amount, value.currency, locale);
  if (path.endsWith('.amount') && typeof value === 'number') return String(value);
  if (key === 'channels' && Array.isArray(value)) return value.map((c) => translate(`vitrine.licensing.channel.${String(c)}`, { _: String(c) })).join(', ');
  if (key === 'crossBorderCategory' && typeof value === 'string') return translate(`vitrine.crossBorder.${value}`, { _: value });
  if (key === 'artworkIds' && Array.isArray(value)) {
    return value
      .map((id) => {
        const w = works?.get(String(id));
        return w ? `${w.accessionNumber} · ${pickText(w.title, locale)}` : String(id);
      })
      .join('; ');
  }
  if (key === 'imageUrls' && Array.isArray(value)) {
    // The images themselves, each a link to the full size the museum may want to inspect.
    return (
      <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }} data-testid="proposal-images">
        {value.map((u) => (
          <MuiLink key={String(u)} href={String(u)} target="_blank" rel="noreferrer noopener" title={String(u)}>
            <Thumbnail url={String(u)} size={96} alt={String(u).split('/').pop() ?? ''} />
          </MuiLink>
        ))}
      </Box>
    );
  }
  if (key === 'specification' && typeof value === 'object' && !Array.isArray(value)) {
    const s = value as { hsCode?: string; weightGrams?: number; originCountry?: string };
    return `HS ${s.hsCode ?? '?'} · ${s.weightGrams ?? '?'} g · ${s.originCountry ?? '?'}`;
  }
  if ((key === 'title' || key === 'concept') && typeof value === 'object' && !Array.isArray(value)) {
    // Revisions read { fr, en, zhCN }; the API's diff values keep the stored { fr, en, zh }.
    const t = value as Partial<LocalizedText> & { zh?: string };
    const texts = { fr: t.fr, en: t.en, zhCN: t.zhCN ?? t.zh };
    return (
      <Box component="span" sx={{ display: 'flex', flexDirection: 'column' }}>
        {(['fr', 'en', 'zhCN'] as const).map((l) =>
          texts[l] ? (
            <span key={l} lang={l === 'zhCN' ? 'zh-CN' : l}>
              <Typography component="span" variant="caption" color="text.secondary">
                {l === 'zhCN' ? '中文' : l.toUpperCase()}{' '}
              </Typography>
              {texts[l]}
            </span>
          ) : null,
        )}
      </Box>
    );
  }
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export const fieldLabel = (translate: Translate, path: string) => {
  const [key, ...rest] = path.split('.');
  const label = translate(`resources.proposals.fields.${key}`, { _: key });
  const sub = rest.join('.').replace(/^zh$/, '中文').replace(/^zhCN$/, '中文');
  return sub ? `${label} · ${sub}` : label;
};

const worksOf = (p: ProposalRecord): Works => new Map((p.artworks ?? []).map((a) => [a.id, a]));

/** A revision's content as labelled rows; rows in `changed` are highlighted. */
export const ContentView = ({ content, works, changed, testId }: { content: ProposalContent; works?: Works; changed?: Set<string>; testId?: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Table size="small" data-testid={testId}>
      <TableBody>
        {CONTENT_KEYS.map((key) => {
          const hit = changed?.has(key);
          return (
            <TableRow key={key} sx={hit ? { bgcolor: (t) => alpha(t.palette.warning.main, 0.18), '& td': { fontWeight: 500 } } : undefined} data-changed={hit ? 'true' : undefined}>
              <TableCell sx={{ width: 180, color: 'text.secondary', verticalAlign: 'top' }}>{fieldLabel(translate, key)}</TableCell>
              <TableCell sx={{ verticalAlign: 'top' }}>{formatValue(key, content[key], locale, translate, works)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};

export const DiffTable = ({ changes, works }: { changes: FieldChange[]; works?: Works }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!changes.length) return <Alert severity="info">{translate('vitrine.licensing.no_changes')}</Alert>;
  return (
    <Table size="small" data-testid="proposal-diff">
      <TableHead>
        <TableRow>
          <TableCell>{translate('vitrine.licensing.diff_field')}</TableCell>
          <TableCell>{translate('vitrine.licensing.diff_before')}</TableCell>
          <TableCell>{translate('vitrine.licensing.diff_after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map((c) => (
          <TableRow key={c.path}>
            <TableCell sx={{ verticalAlign: 'top' }}>
              {fieldLabel(translate, c.path)}{' '}
              <Chip size="small" variant="outlined" label={translate(`vitrine.licensing.change.${c.kind}`)} />
            </TableCell>
            <TableCell sx={{ verticalAlign: 'top', color: 'error.main', textDecoration: c.kind === 'REMOVED' ? 'line-through' : undefined }}>
              {formatValue(c.path, c.before, locale, translate, works)}
            </TableCell>
            <TableCell sx={{ verticalAlign: 'top', color: 'success.dark' }}>{formatValue(c.path, c.after, locale, translate, works)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** The revision the museum last decided on, to compare the current one with. */
function defaultVersions(p: ProposalRecord): { from: number; to: number } {
  const to = p.submittedVersion ?? p.currentVersion;
  const reviewed = [...(p.reviewHistory ?? [])].reverse().find((r) => r.revisionVersion < to);
  const from = reviewed?.revisionVersion ?? Math.max(1, to - 1);
  return { from, to };
}

/**
 * Two revisions side by side, with the API's field-level diff between them: the fields
 * that changed are highlighted on both sides and listed with before and after.
 */
export const RevisionCompare = ({ proposal }: { proposal: ProposalRecord }) => {
  const translate = useTranslate();
  const revisions = proposal.revisions ?? [];
  const initial = defaultVersions(proposal);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [changes, setChanges] = useState<FieldChange[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const works = useMemo(() => worksOf(proposal), [proposal]);

  // Back to the default pair when the proposal moves on (not on every new `initial` object).
  useEffect(() => {
    setFrom(initial.from);
    setTo(initial.to);
  }, [proposal.id, proposal.currentVersion, proposal.submittedVersion]);

  useEffect(() => {
    let live = true;
    setChanges(null);
    setError(null);
    if (from === to) {
      setChanges([]);
      return;
    }
    proposalDiff(proposal.id, from, to)
      .then((c) => live && setChanges(c))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [proposal.id, from, to]);

  const byVersion = (v: number) => revisions.find((r) => r.version === v);
  const changedKeys = new Set((changes ?? []).map((c) => c.path.split('.')[0]!));
  const picker = (label: string, value: number, set: (v: number) => void, testId: string) => (
    <MuiTextField
      select
      size="small"
      label={translate(label)}
      value={value}
      onChange={(e) => set(Number(e.target.value))}
      sx={{ width: 240, flex: 'none' }}
      slotProps={{ htmlInput: { 'data-testid': testId } }}
    >
      {revisions.map((r) => (
        <MenuItem key={r.version} value={r.version}>
          {revisionLabel(translate, r)}
        </MenuItem>
      ))}
    </MuiTextField>
  );
  if (!revisions.length) return null;
  const left = byVersion(from);
  const right = byVersion(to);
  return (
    <Card variant="outlined" data-testid="revision-compare">
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, mr: 2 }}>
            {translate('vitrine.licensing.compare')}
          </Typography>
          {picker('vitrine.licensing.from_version', from, setFrom, 'compare-from')}
          {picker('vitrine.licensing.to_version', to, setTo, 'compare-to')}
        </Box>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: { xs: 'wrap', lg: 'nowrap' }, alignItems: 'flex-start' }}>
          {[left, right].map((r, i) =>
            r ? (
              <Box key={i} sx={{ flex: 1, minWidth: 320 }}>
                <Typography variant="subtitle2" gutterBottom>
                  {revisionLabel(translate, r)}
                </Typography>
                {r.note && (
                  <Typography variant="body2" color="text.secondary" gutterBottom>
                    “{r.note}”
                  </Typography>
                )}
                <ContentView content={r.content} works={works} changed={changedKeys} testId={i === 0 ? 'revision-left' : 'revision-right'} />
              </Box>
            ) : null,
          )}
        </Box>
        {error ? <Alert severity="error">{translate(error, { _: error })}</Alert> : changes ? <DiffTable changes={changes} works={works} /> : null}
      </CardContent>
    </Card>
  );
};

export const revisionLabel = (translate: Translate, r: ProposalRevision) =>
  translate('vitrine.licensing.revision', { version: r.version, stage: translate(`vitrine.licensing.stage.${r.stage}`) });

/** Where the proposal is: concept, pre-production sample, final sample. */
export const StageProgress = ({ proposal }: { proposal: ProposalRecord }) => {
  const translate = useTranslate();
  const index = PROPOSAL_STAGES.indexOf(proposal.stage);
  const approved = proposal.status === 'APPROVED';
  return (
    <Stepper activeStep={approved ? PROPOSAL_STAGES.length : index} alternativeLabel data-testid="stage-progress" sx={{ minWidth: 420 }}>
      {PROPOSAL_STAGES.map((s) => (
        <Step key={s}>
          <StepLabel>{translate(`vitrine.licensing.stage.${s}`)}</StepLabel>
        </Step>
      ))}
    </Stepper>
  );
};

export const DueDate = ({ at }: { at: string | null | undefined }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!at) return null;
  const overdue = Date.parse(at) < Date.now();
  return (
    <Chip
      size="small"
      color={overdue ? 'error' : 'default'}
      variant={overdue ? 'filled' : 'outlined'}
      label={translate(overdue ? 'vitrine.licensing.overdue' : 'vitrine.licensing.due', { date: new Date(at).toLocaleDateString(dateLocale(locale)) })}
      data-testid="review-due"
    />
  );
};

/** The museum's decisions and comments, newest first. */
export const ReviewsList = ({ proposal }: { proposal: ProposalRecord }) => {
  const translate = useTranslate();
  const reviews = [...(proposal.reviewHistory ?? [])].reverse();
  return (
    <Card variant="outlined" sx={{ flex: 1, minWidth: 320 }} data-testid="review-history">
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }} gutterBottom>
          {translate('vitrine.licensing.reviews')}
        </Typography>
        {!reviews.length && <Typography color="text.secondary">{translate('vitrine.licensing.no_reviews')}</Typography>}
        {reviews.map((r) => (
          <Box key={r.id} sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }}>
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              <Chip size="small" color={r.decision === 'APPROVE' ? 'success' : r.decision === 'REJECT' ? 'error' : 'warning'} label={translate(`vitrine.licensing.decision.${r.decision}`)} />
              <Typography variant="caption" color="text.secondary">
                {translate(`vitrine.licensing.stage.${r.stage}`)} · v{r.revisionVersion} · <When at={r.createdAt} />
              </Typography>
            </Box>
            {r.comment && <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>{r.comment}</Typography>}
          </Box>
        ))}
      </CardContent>
    </Card>
  );
};

/** Every move of the proposal, newest first. */
export const HistoryList = ({ proposal }: { proposal: ProposalRecord }) => {
  const translate = useTranslate();
  const history = [...(proposal.history ?? [])].reverse();
  return (
    <Card variant="outlined" sx={{ flex: 1, minWidth: 320 }} data-testid="proposal-history">
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }} gutterBottom>
          {translate('vitrine.licensing.history')}
        </Typography>
        {history.map((h, i) => (
          <Box key={i} sx={{ display: 'flex', gap: 2, py: 0.5, alignItems: 'baseline' }}>
            <Typography variant="caption" color="text.secondary" sx={{ minWidth: 150 }}>
              <When at={h.createdAt} />
            </Typography>
            <Typography variant="body2">
              <strong>{translate(`vitrine.licensing.event.${h.event}`, { _: h.event })}</strong>{' '}
              <Typography component="span" variant="caption" color="text.secondary">
                {translate(`vitrine.roles.${h.actorRole}`, { _: h.actorRole })}
                {h.revisionVersion ? ` · v${h.revisionVersion}` : ''} · {translate(`vitrine.licensing.stage.${h.toStage}`)} · {translate(`vitrine.status.${h.toStatus}`)}
              </Typography>
              {h.comment && (
                <Typography component="span" variant="body2" display="block" sx={{ whiteSpace: 'pre-wrap' }}>
                  {h.comment}
                </Typography>
              )}
            </Typography>
          </Box>
        ))}
      </CardContent>
    </Card>
  );
};

/** The latest museum comment when it asked for changes or rejected, where the brand sees it first. */
export const LatestDecision = ({ proposal }: { proposal: ProposalRecord }) => {
  const translate = useTranslate();
  if (proposal.status !== 'CHANGES_REQUESTED' && proposal.status !== 'REJECTED') return null;
  const last = proposal.reviewHistory?.[proposal.reviewHistory.length - 1];
  return (
    <Alert severity={proposal.status === 'REJECTED' ? 'error' : 'warning'} data-testid="latest-decision">
      <strong>{translate(proposal.status === 'REJECTED' ? 'vitrine.licensing.rejected_by_museum' : 'vitrine.licensing.changes_requested_by_museum')}</strong>
      {last?.comment ? <Box sx={{ whiteSpace: 'pre-wrap', mt: 0.5 }}>{last.comment}</Box> : null}
    </Alert>
  );
};

export const ProposalTitle = ({ proposal }: { proposal: ProposalRecord | undefined }) => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  if (!proposal) return null;
  return <span>{pickText(proposal.content.title, locale) || translate('vitrine.licensing.untitled')}</span>;
};
