import { Datagrid, DateField, FunctionField, List, NumberField, useLocaleState, useTranslate } from 'react-admin';
import { Money } from '../../components/Money';
import { pickText } from '../../data/localized';
import { StatementDownloads } from '../../licensing/StatementDownloads';
import type { StatementRecord } from './statements.data';
import { dateLocale } from '../../data/dates';

export const PeriodField = (_: { label?: string }) => {
  const [locale] = useLocaleState();
  return (
    <FunctionField<StatementRecord>
      render={(s) => new Date(`${s.periodStart}T00:00:00Z`).toLocaleDateString(dateLocale(locale), { year: 'numeric', month: 'long', timeZone: 'UTC' })}
    />
  );
};

const AgreementName = (_: { label?: string }) => {
  const [locale] = useLocaleState();
  return <FunctionField<StatementRecord> render={(s) => s.agreement.products.map((p) => pickText(p.name, locale)).join(', ')} />;
};

const amount = (key: keyof Pick<StatementRecord, 'netSales' | 'royalty' | 'advanceRecouped' | 'amountPayable'>) => {
  const Field = (_: { label?: string }) => <FunctionField<StatementRecord> render={(s) => <Money amount={s[key].amount} currency={s[key].currency} />} />;
  return Field;
};
const NetSales = amount('netSales');
const Royalty = amount('royalty');
const Recouped = amount('advanceRecouped');
const Payable = amount('amountPayable');

/** Statement rows, shared with the agreement page. */
export const StatementGrid = ({ withAgreement = true }: { withAgreement?: boolean }) => {
  const translate = useTranslate();
  return (
    <Datagrid bulkActionButtons={false} rowClick={false} data-testid="statements" empty={<span style={{ padding: 16 }}>{translate('vitrine.licensing.no_statements')}</span>}>
      <PeriodField label="resources.statements.fields.periodStart" />
      {withAgreement && <AgreementName label="resources.statements.fields.agreement" />}
      <NumberField source="units" sortable={false} label="resources.statements.fields.units" />
      <NetSales label="resources.statements.fields.netSales" />
      <Royalty label="resources.statements.fields.royalty" />
      <Recouped label="resources.statements.fields.advanceRecouped" />
      <Payable label="resources.statements.fields.amountPayable" />
      <DateField source="generatedAt" sortable={false} label="resources.statements.fields.generatedAt" />
      <StatementDownloads label="vitrine.licensing.download" />
    </Datagrid>
  );
};

export const StatementList = () => (
  <List exporter={false} sort={{ field: 'periodStart', order: 'DESC' }}>
    <StatementGrid />
  </List>
);
