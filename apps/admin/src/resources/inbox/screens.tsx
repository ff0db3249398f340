import { useState, type ReactElement } from 'react';
import { Box, Card, CardContent, TextField as MuiTextField, Typography } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import EditNoteIcon from '@mui/icons-material/EditNote';
import {
  Button,
  Datagrid,
  DateField,
  FunctionField,
  List,
  SelectInput,
  Show,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { NotFound } from '../../components/NotFound';
import { StatusChip } from '../../components/StatusChip';
import { reviewProposal, type ProposalRecord, type ReviewDecision } from '../../licensing/proposal-api';
import { ContentView, HistoryList, ProposalTitle, ReviewsList, RevisionCompare } from '../../licensing/ProposalViews';
import { RequireMuseum } from '../../museum/RequireMuseum';
import { DueField, ProposalHeader, ProposalImageField, STAGE_CHOICES, STATUS_CHOICES, StageField, TitleField } from '../proposals/screens';

// Museums see proposals once submitted: drafts are the brand's own.
const filters = [
  <SelectInput key="status" source="status" choices={STATUS_CHOICES.filter((c) => c.id !== 'DRAFT')} alwaysOn emptyText="vitrine.licensing.awaiting" />,
  <SelectInput key="stage" source="stage" choices={STAGE_CHOICES} alwaysOn />,
];

const InboxEmpty = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" sx={{ p: 2 }} data-testid="inbox-empty">
      {translate('vitrine.licensing.inbox_empty')}
    </Typography>
  );
};

export const InboxList = () => (
  <RequireMuseum>
    <List filters={filters} exporter={false} empty={false} sort={{ field: 'reviewDueAt', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false} empty={<InboxEmpty />}>
        <ProposalImageField label="resources.proposals.fields.imageUrls" />
        <TitleField label="resources.proposals.fields.title" />
        <FunctionField<ProposalRecord> label="resources.proposals.fields.brand" render={(p) => p.brandName ?? ''} />
        <StageField label="resources.proposals.fields.stage" />
        <StatusChip source="status" label="resources.proposals.fields.status" sortable={false} />
        <FunctionField<ProposalRecord> label="resources.proposals.fields.submittedVersion" render={(p) => (p.submittedVersion ? `v${p.submittedVersion}` : '')} />
        <DueField label="resources.proposals.fields.reviewDueAt" />
        <DateField source="updatedAt" showTime sortable={false} label="resources.proposals.fields.updatedAt" />
      </Datagrid>
    </List>
  </RequireMuseum>
);

const DECISIONS: { decision: ReviewDecision; label: string; icon: ReactElement; color: 'success' | 'warning' | 'error' }[] = [
  { decision: 'APPROVE', label: 'vitrine.licensing.approve', icon: <CheckIcon />, color: 'success' },
  { decision: 'REQUEST_CHANGES', label: 'vitrine.licensing.request_changes', icon: <EditNoteIcon />, color: 'warning' },
  { decision: 'REJECT', label: 'vitrine.licensing.reject', icon: <CloseIcon />, color: 'error' },
];

/** Approve, request changes or reject the submitted revision; a comment is required to refuse. */
const ReviewPanel = () => {
  const p = useRecordContext<ProposalRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!p) return null;
  const allowed = DECISIONS.filter((d) => p.allowedActions.includes(d.decision));
  if (!allowed.length) return null;

  const decide = (decision: ReviewDecision) => {
    if (decision !== 'APPROVE' && !comment.trim()) {
      setMissing(true);
      return;
    }
    setBusy(true);
    reviewProposal(p.id, decision, comment.trim(), p.submittedVersion)
      .then(() => {
        notify(`vitrine.licensing.decided.${decision}`, { type: 'success' });
        setComment('');
        setMissing(false);
        refresh();
      })
      .catch((e: unknown) => notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' }))
      .finally(() => setBusy(false));
  };

  return (
    <Card variant="outlined" sx={{ borderColor: 'primary.main' }} data-testid="review-panel">
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {translate('vitrine.licensing.your_decision', { version: p.submittedVersion ?? p.currentVersion, stage: translate(`vitrine.licensing.stage.${p.stage}`) })}
        </Typography>
        <MuiTextField
          multiline
          minRows={3}
          fullWidth
          label={translate('vitrine.licensing.comment')}
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            if (e.target.value.trim()) setMissing(false);
          }}
          error={missing}
          helperText={translate(missing ? 'vitrine.licensing.comment_required' : 'vitrine.licensing.comment_help')}
          slotProps={{ htmlInput: { 'data-testid': 'review-comment', maxLength: 5000 } }}
        />
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          {allowed.map((d) => (
            <Button
              key={d.decision}
              label={d.label}
              onClick={() => decide(d.decision)}
              disabled={busy}
              variant={d.decision === 'APPROVE' ? 'contained' : 'outlined'}
              color={d.color}
              data-testid={`review-${d.decision}`}
            >
              {d.icon}
            </Button>
          ))}
        </Box>
      </CardContent>
    </Card>
  );
};

const InboxBody = () => {
  const p = useRecordContext<ProposalRecord>();
  const translate = useTranslate();
  if (!p) return null;
  // Side by side once the museum has decided on an earlier revision; a first submission
  // is read on its own (the brand's drafts before it were never submitted).
  const reviewedBefore = (p.reviewHistory ?? []).some((r) => r.revisionVersion < (p.submittedVersion ?? p.currentVersion));
  const several = reviewedBefore && (p.revisions?.length ?? 0) > 1;
  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="inbox-show">
      <ProposalHeader party="museum" />
      <ReviewPanel />
      {several ? (
        <RevisionCompare proposal={p} />
      ) : (
        <Card variant="outlined">
          <CardContent>
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
              {translate('vitrine.licensing.working_copy', { version: p.currentVersion })}
            </Typography>
            <ContentView content={p.content} works={new Map((p.artworks ?? []).map((a) => [a.id, a]))} testId="working-copy" />
          </CardContent>
        </Card>
      )}
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <ReviewsList proposal={p} />
        <HistoryList proposal={p} />
      </Box>
    </Box>
  );
};

const InboxTitle = () => <ProposalTitle proposal={useRecordContext<ProposalRecord>()} />;

export const InboxShow = () => (
  <Show error={<NotFound />} title={<InboxTitle />} actions={false}>
    <InboxBody />
  </Show>
);
