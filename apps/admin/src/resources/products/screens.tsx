import { Box } from '@mui/material';
import {
  Create,
  DeleteButton,
  Edit,
  SaveButton,
  TopToolbar,
  Toolbar,
  useRecordContext,
} from 'react-admin';
import { NotFound } from '../../components/NotFound';
import { StatusChip } from '../../components/StatusChip';
import { RequireMuseum } from '../../museum/RequireMuseum';
import { ListingProblemsAlert } from './ListingReasons';
import { ProductForm, productDefaults } from './ProductForm';
export { ProductList } from './ProductList';
import { ProductStatusButtons } from './ProductStatusButtons';
import type { ProductRecord } from './products.data';

export const ProductCreate = () => (
  <RequireMuseum>
    <Create redirect="edit">
      <ProductForm defaultValues={productDefaults()} />
    </Create>
  </RequireMuseum>
);

const EditActions = () => (
  <TopToolbar sx={{ alignItems: 'center' }}>
    <StatusChip />
    <ProductStatusButtons />
  </TopToolbar>
);

const EditToolbar = () => {
  const record = useRecordContext<ProductRecord>();
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {record?.status === 'DRAFT' && <DeleteButton mutationMode="pessimistic" />}
    </Toolbar>
  );
};

const Problems = () => {
  const record = useRecordContext<ProductRecord>();
  if (!record?.listingProblems.length) return null;
  return (
    <Box sx={{ px: 2, pt: 2 }}>
      <ListingProblemsAlert reasons={record.listingProblems} />
    </Box>
  );
};

export const ProductEdit = () => (
  <Edit mutationMode="pessimistic" error={<NotFound />} actions={<EditActions />} redirect={false}>
    <Problems />
    <ProductForm toolbar={<EditToolbar />} />
  </Edit>
);

