import { lazy, Suspense, useState } from 'react';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Button,
  CreateButton,
  Datagrid,
  DateField,
  ExportButton,
  FilterButton,
  FunctionField,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  downloadCSV,
  useLocaleState,
  type Exporter,
} from 'react-admin';
import { LocalizedTextField } from '../../components/LocalizedTextField';
import { StatusChip } from '../../components/StatusChip';
import { Thumbnail } from '../../components/Thumbnail';
import { formatMoney } from '../../data/money';
import { pickText } from '../../data/localized';
import type { CollectionRecord } from '../collections/collections.data';
import { useCurrentMuseumId } from '../../museum/current-museum';
import { BulkStatusButtons } from './BulkStatusButtons';
import { LIST_ROWS, PRODUCT_STATUSES, type ProductListRow, type ProductRecord } from './products.data';
import { ShelfLabelsButton } from './ShelfLabelsButton';

const ProductImport = lazy(() => import('./ProductImport'));

const STATUS_CHOICES = PRODUCT_STATUSES.map((id) => ({ id, name: `vitrine.status.${id}` }));

/** Collections named in the console's language. */
const CollectionSelect = () => {
  const [locale] = useLocaleState();
  return <SelectInput label="resources.products.fields.collectionIds" optionText={(c: CollectionRecord) => pickText(c.name, locale) || c.slug} />;
};

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={STATUS_CHOICES} alwaysOn />,
  <ReferenceInput key="collectionId" source="collectionId" reference="collections">
    <CollectionSelect />
  </ReferenceInput>,
  <TextInput key="category" source="category" />,
];

// The CSV writer is only loaded when someone exports.
const exporter: Exporter<ProductRecord> = async (records) => {
  const { productsToCsv } = await import('./product-csv');
  downloadCSV(productsToCsv(records), 'products');
};

const ListActions = () => {
  const [importing, setImporting] = useState(false);
  const museumId = useCurrentMuseumId();
  return (
    <TopToolbar>
      <FilterButton />
      {museumId && <CreateButton />}
      {/* Whole records for the file, not the rows the list shows. */}
      <ExportButton maxResults={5000} meta={{ view: 'export' }} />
      {museumId && (
        <Button label="vitrine.import.button" onClick={() => setImporting(true)} data-testid="import-button">
          <UploadFileIcon />
        </Button>
      )}
      {importing && (
        <Suspense fallback={null}>
          <ProductImport open={importing} onClose={() => setImporting(false)} />
        </Suspense>
      )}
    </TopToolbar>
  );
};

const StockField = (_: { label?: string; sortable?: boolean }) => (
  <FunctionField<ProductListRow>
    render={(p) => (
      <span data-testid={`stock-${p.id}`} style={{ color: p.available > 0 ? undefined : '#c62828', fontWeight: p.available > 0 ? undefined : 600 }}>
        {p.available}
      </span>
    )}
  />
);

const PriceField = (_: { label?: string; sortBy?: string }) => {
  const [locale] = useLocaleState();
  return <FunctionField<ProductListRow> render={(p) => (p.minPriceMinor == null ? '' : formatMoney(p.minPriceMinor, 'EUR', locale))} />;
};

// Sorting follows what the API offers: newest, recently updated, price either way. The rows
// are asked for with LIST_ROWS: only the columns, a fraction of the API's work for whole records.
export const ProductList = () => (
  <List
    filters={filters}
    actions={<ListActions />}
    exporter={exporter}
    empty={false}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    queryOptions={{ meta: LIST_ROWS }}
  >
    <Datagrid
      rowClick="edit"
      bulkActionButtons={
        <>
          <BulkStatusButtons />
          <ShelfLabelsButton />
        </>
      }
    >
      <FunctionField<ProductListRow> label="resources.products.fields.image" sortable={false} render={(p) => <Thumbnail url={p.thumbnailUrl} />} />
      <LocalizedTextField source="name" label="resources.products.fields.name" sortable={false} />
      <LocalizedTextField source="name" zh label="resources.products.fields.nameZh" sortable={false} />
      <StatusChip source="status" label="resources.products.fields.status" sortable={false} />
      <TextField source="category" sortable={false} />
      <PriceField label="resources.products.fields.priceFrom" sortBy="minPriceMinor" />
      <FunctionField<ProductListRow> label="resources.products.fields.variantCount" render={(p) => p.variantCount} sortable={false} />
      <StockField label="resources.products.fields.available" sortable={false} />
      <DateField source="updatedAt" sortByOrder="DESC" />
      <DateField source="createdAt" sortByOrder="DESC" />
    </Datagrid>
  </List>
);
