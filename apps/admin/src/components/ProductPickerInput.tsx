import { AutocompleteArrayInput, ReferenceArrayInput } from 'react-admin';

/** The museum's products to pick by name (`productIds`): a promotion's covered products, a live session's bag. */
export const ProductPickerInput = ({
  source = 'productIds',
  helperText,
}: {
  source?: string;
  helperText: string;
}) => (
  <ReferenceArrayInput source={source} reference="products">
    <AutocompleteArrayInput helperText={helperText} />
  </ReferenceArrayInput>
);
