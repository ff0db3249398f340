import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  ReferenceArrayInput,
  ReferenceInput,
  SelectInput,
  required,
  useGetOne,
  useTranslate,
  type Validator,
} from 'react-admin';
import type { FormVariant, ProductRecord } from '../resources/products/products.data';

/**
 * The museum's products to pick by name: by default several (`productIds`: a promotion's covered
 * products, a live session's bag); with `single`, one (`productId`: the product a drop sells).
 */
export const ProductPickerInput = ({
  source,
  helperText,
  single = false,
  validate,
}: {
  source?: string;
  helperText: string;
  single?: boolean;
  validate?: Validator | Validator[];
}) =>
  single ? (
    <ReferenceInput source={source ?? 'productId'} reference="products">
      <AutocompleteInput helperText={helperText} validate={validate} fullWidth />
    </ReferenceInput>
  ) : (
    <ReferenceArrayInput source={source ?? 'productIds'} reference="products">
      <AutocompleteArrayInput helperText={helperText} validate={validate} />
    </ReferenceArrayInput>
  );

/** "colour: blue · size: M" (the options as the product form names them), then the SKU. */
export function variantLabel(v: Pick<FormVariant, 'sku' | 'optionList' | 'optionsJson'>): string {
  const options =
    v.optionList ??
    Object.entries(JSON.parse(v.optionsJson || '{}') as Record<string, string>).map(([name, value]) => ({
      name,
      value,
    }));
  const named = options.map((o) => `${o.name}: ${o.value}`).join(' · ');
  return named ? `${named} (${v.sku})` : v.sku;
}

/**
 * One variant of the product picked in `productSource`, chosen by its options (with its SKU and
 * units available); disabled until a product is picked, and chosen at once when the product has
 * only one. A variant of another product is cleared when the product changes.
 */
export const VariantPickerInput = ({
  source = 'variantId',
  productSource = 'productId',
  helperText,
}: {
  source?: string;
  productSource?: string;
  helperText: string;
}) => {
  const translate = useTranslate();
  const productId = useWatch({ name: productSource }) as string | null | undefined;
  const variantId = useWatch({ name: source }) as string | null | undefined;
  const { setValue } = useFormContext();
  const { data: product } = useGetOne<ProductRecord>(
    'products',
    { id: productId ?? '' },
    { enabled: !!productId },
  );
  const variants = product && product.id === productId ? product.variants : [];
  const choices = variants.map((v) => ({
    id: v.id!,
    name: `${variantLabel(v)} — ${translate('vitrine.variant_picker.available', { n: v.available ?? 0 })}`,
  }));
  const ids = choices.map((c) => c.id).join();
  useEffect(() => {
    if (!product || product.id !== productId) return;
    const own = ids ? ids.split(',') : [];
    if (own.length === 1 && variantId !== own[0])
      setValue(source, own[0], { shouldDirty: true, shouldValidate: true });
    else if (variantId && !own.includes(variantId)) setValue(source, null, { shouldDirty: true });
  }, [product, productId, ids, variantId, source, setValue]);
  return (
    <SelectInput
      source={source}
      choices={choices}
      validate={required()}
      disabled={!productId || !choices.length}
      helperText={productId ? helperText : 'vitrine.variant_picker.pick_product_first'}
      fullWidth
    />
  );
};
