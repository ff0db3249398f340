import { useState } from 'react';
import { Alert, Box, Card, CardContent, Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField, Typography } from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import UndoIcon from '@mui/icons-material/Undo';
import {
  Button,
  Create,
  CreateButton,
  Datagrid,
  DateField,
  Edit,
  EditButton,
  FunctionField,
  List,
  SaveButton,
  SelectInput,
  Show,
  Toolbar,
  TopToolbar,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { NotFound } from '../../components/NotFound';
import { StatusChip } from '../../components/StatusChip';
import { Thumbnail } from '../../components/Thumbnail';
import { pickText } from '../../data/localized';
import { PROPOSAL_STAGES, PROPOSAL_STATUSES, submitProposal, withdrawProposal, type ProposalRecord } from '../../licensing/proposal-api';
import { emptyProposalForm } from '../../licensing/proposal-form';
import {
  ContentView,
  DueDate,
  HistoryList,
  LatestDecision,
  ProposalTitle,
  ReviewsList,
  RevisionCompare,
  StageProgress,
  fieldLabel,
} from '../../licensing/ProposalViews';
import { ProposalForm } from './ProposalForm';
import type { ProposalEditRecord } from './proposals.data';

export const STATUS_CHOICES = PROPOSAL_STATUSES.map((id) => ({ id, name: `vitrine.status.${id}` }));
export const STAGE_CHOICES = PROPOSAL_STAGES.map((id) => ({ id, name: `vitrine.licensing.stage.${id}` }));

const filters = [
  <SelectInput key="status" source="status" choices={STATUS_CHOICES} alwaysOn />,
  <SelectInput key="stage" source="stage" choices={STAGE_CHOICES} alwaysOn />,
];

export const TitleField = (_: { label?: string }) => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  return <FunctionField<ProposalRecord> render={(p) => pickText(p.content.title, locale) || translate('vitrine.licensing.untitled')} />;
};
export const StageField = (_: { label?: string }) => {
  const translate = useTranslate();
  return <FunctionField<ProposalRecord> render={(p) => translate(`vitrine.licensing.stage.${p.stage}`)} />;
};
const MuseumField = (_: { label?: string }) => {
  const [locale] = useLocaleState();
  return <FunctionField<ProposalRecord> render={(p) => pickText(p.museum?.name, locale) || p.museum?.slug || ''} />;
};
/** The proposal's first image (the concept's or sample's picture), small; grey when none yet. */
export const ProposalImageField = (_: { label?: string }) => (
  <FunctionField<ProposalRecord> sortable={false} render={(p) => <Thumbnail url={p.content.imageUrls?.[0]} alt={p.content.imageUrls?.[0]?.split('/').pop() ?? ''} />} />
);
export const DueField = (_: { label?: string }) => <FunctionField<ProposalRecord> render={(p) => (p.status === 'SUBMITTED' ? <DueDate at={p.reviewDueAt} /> : null)} />;

export const ProposalList = () => (
  <List filters={filters} exporter={false} empty={false} sort={{ field: 'updatedAt', order: 'DESC' }} actions={<TopToolbar><CreateButton label="vitrine.licensing.new_proposal" /></TopToolbar>}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <ProposalImageField label="resources.proposals.fields.imageUrls" />
      <TitleField label="resources.proposals.fields.title" />
      <MuseumField label="resources.proposals.fields.museumId" />
      <StageField label="resources.proposals.fields.stage" />
      <StatusChip source="status" label="resources.proposals.fields.status" sortable={false} />
      <FunctionField<ProposalRecord> label="resources.proposals.fields.currentVersion" render={(p) => `v${p.currentVersion}`} />
      <DueField label="resources.proposals.fields.reviewDueAt" />
      <DateField source="updatedAt" showTime sortable={false} />
    </Datagrid>
  </List>
);

/** Saving says what happened to the proposal, then shows it. */
const useSaved = (message: string) => {
  const notify = useNotify();
  const redirect = useRedirect();
  return { onSuccess: (data: ProposalRecord) => {
    notify(message, { type: 'success' });
    redirect('show', 'proposals', data.id);
  } };
};

export const ProposalCreate = () => (
  <Create title="vitrine.licensing.new_proposal" mutationOptions={useSaved('vitrine.licensing.draft_saved')}>
    <ProposalForm creating defaultValues={emptyProposalForm()} toolbar={<Toolbar><SaveButton label="vitrine.licensing.save_draft" /></Toolbar>} />
  </Create>
);

export const ProposalEdit = () => (
  <Edit mutationMode="pessimistic" error={<NotFound />} title={<EditTitle />} mutationOptions={useSaved('vitrine.licensing.revision_saved')}>
    <StaleNotice />
    <ProposalForm toolbar={<Toolbar><SaveButton label="vitrine.licensing.save_revision" /></Toolbar>} />
  </Edit>
);

const EditTitle = () => <ProposalTitle proposal={useRecordContext<ProposalEditRecord>()} />;

/** After final approval only texts and images may change; the rest is the agreement. */
const StaleNotice = () => {
  const p = useRecordContext<ProposalEditRecord>();
  const translate = useTranslate();
  if (!p) return null;
  return (
    <Box sx={{ px: 2, pt: 2, display: 'flex', flexDirection: 'column', gap: 1 }}>
      <LatestDecision proposal={p} />
      {p.status === 'APPROVED' && <Alert severity="info">{translate('vitrine.licensing.amend_help')}</Alert>}
    </Box>
  );
};

/** What keeps the working copy from being submitted, before anyone tries. */
const SubmissionProblems = ({ proposal }: { proposal: ProposalRecord }) => {
  const translate = useTranslate();
  const problems = proposal.submissionProblems ?? [];
  if (!problems.length || !proposal.allowedActions.includes('SUBMIT')) return null;
  return (
    // One line naming the fields; each field's message shows under it in the form (Revise).
    <Alert severity="warning" data-testid="submission-problems">
      <strong>{translate('vitrine.licensing.not_ready')}</strong> {[...new Set(problems.map((p) => fieldLabel(translate, p.path.split('.')[0]!)))].join(', ')}
    </Alert>
  );
};

const SubmitButton = () => {
  const p = useRecordContext<ProposalRecord>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!p?.allowedActions.includes('SUBMIT')) return null;
  const submit = () => {
    setBusy(true);
    submitProposal(p.id, p.currentVersion)
      .then(() => {
        notify('vitrine.licensing.submitted', { type: 'success' });
        refresh();
      })
      .catch((e: unknown) => notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' }))
      .finally(() => setBusy(false));
  };
  return (
    <Button label="vitrine.licensing.submit" onClick={submit} disabled={busy} variant="contained" data-testid="proposal-submit">
      <SendIcon />
    </Button>
  );
};

const WithdrawButton = () => {
  const p = useRecordContext<ProposalRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!p?.allowedActions.includes('WITHDRAW')) return null;
  const withdraw = () =>
    withdrawProposal(p.id, reason.trim() || null)
      .then(() => {
        notify('vitrine.licensing.withdrawn', { type: 'info' });
        setOpen(false);
        refresh();
      })
      .catch((e: unknown) => notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' }));
  return (
    <>
      <Button label="vitrine.licensing.withdraw" onClick={() => setOpen(true)} data-testid="proposal-withdraw">
        <UndoIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('vitrine.licensing.withdraw_title')}</DialogTitle>
        <DialogContent>
          <MuiTextField fullWidth multiline minRows={2} label={translate('vitrine.licensing.withdraw_reason')} value={reason} onChange={(e) => setReason(e.target.value)} sx={{ mt: 1 }} />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button label="vitrine.licensing.withdraw" onClick={withdraw} variant="contained" color="error" />
        </DialogActions>
      </Dialog>
    </>
  );
};

const ShowActions = () => {
  const p = useRecordContext<ProposalRecord>();
  const canEdit = p?.allowedActions.includes('REVISE') || p?.allowedActions.includes('AMEND');
  return (
    <TopToolbar sx={{ alignItems: 'center' }}>
      {canEdit && <EditButton label={p?.status === 'APPROVED' ? 'vitrine.licensing.amend' : 'vitrine.licensing.revise'} />}
      <WithdrawButton />
      <SubmitButton />
    </TopToolbar>
  );
};

/** The proposal's header: where it stands, with whom, and by when the museum answers. */
export const ProposalHeader = ({ party }: { party: 'brand' | 'museum' }) => {
  const p = useRecordContext<ProposalRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!p) return null;
  return (
    <Card variant="outlined">
      <CardContent sx={{ display: 'flex', gap: 3, alignItems: 'center', flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 260 }}>
          <Typography variant="h5" data-testid="proposal-title">
            <ProposalTitle proposal={p} />
          </Typography>
          <Typography color="text.secondary">
            {party === 'brand' ? pickText(p.museum?.name, locale) : p.brandName} · v{p.currentVersion}
            {p.amendment ? ` · ${translate('vitrine.licensing.amendment')}` : ''}
          </Typography>
          <Box sx={{ display: 'flex', gap: 1, mt: 1, alignItems: 'center' }} data-testid="proposal-status">
            <StatusChip source="status" />
            {p.status === 'SUBMITTED' && <DueDate at={p.reviewDueAt} />}
            {p.agreement && (
              <Button component={Link} to={`/agreements/${p.agreement.id}/show`} label="vitrine.licensing.see_agreement" size="small" />
            )}
          </Box>
        </Box>
        <StageProgress proposal={p} />
      </CardContent>
    </Card>
  );
};

const WorkingCopy = () => {
  const p = useRecordContext<ProposalRecord>();
  const translate = useTranslate();
  if (!p) return null;
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {translate('vitrine.licensing.working_copy', { version: p.currentVersion })}
        </Typography>
        <ContentView content={p.content} works={new Map((p.artworks ?? []).map((a) => [a.id, a]))} testId="working-copy" />
      </CardContent>
    </Card>
  );
};

const BrandBody = () => {
  const p = useRecordContext<ProposalRecord>();
  if (!p) return null;
  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="proposal-show">
      <ProposalHeader party="brand" />
      <LatestDecision proposal={p} />
      <SubmissionProblems proposal={p} />
      <WorkingCopy />
      {(p.revisions?.length ?? 0) > 1 && <RevisionCompare proposal={p} />}
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <ReviewsList proposal={p} />
        <HistoryList proposal={p} />
      </Box>
    </Box>
  );
};

export const ProposalShow = () => (
  <Show actions={<ShowActions />} error={<NotFound />} title={<EditTitle />}>
    <BrandBody />
  </Show>
);
