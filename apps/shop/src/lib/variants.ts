// Picking a variant by its option names (size, colour…), as links: each value leads to the
// variant with that value and, where one exists, the other options kept.

export interface OptionedVariant {
  id: string;
  options: Record<string, string>;
}

/** Option names in first-seen order. */
export function optionNames(variants: readonly OptionedVariant[]): string[] {
  const names: string[] = [];
  for (const v of variants) for (const name of Object.keys(v.options)) if (!names.includes(name)) names.push(name);
  return names;
}

/** Values of one option in first-seen order. */
export function optionValues(variants: readonly OptionedVariant[], name: string): string[] {
  const values: string[] = [];
  for (const v of variants) {
    const value = v.options[name];
    if (value !== undefined && !values.includes(value)) values.push(value);
  }
  return values;
}

/** The variant a choice of `name = value` leads to from `current`. */
export function variantFor<V extends OptionedVariant>(variants: readonly V[], current: V, name: string, value: string): V | undefined {
  const wanted = { ...current.options, [name]: value };
  const exact = variants.find((v) => Object.keys(wanted).every((k) => v.options[k] === wanted[k]));
  return exact ?? variants.find((v) => v.options[name] === value);
}

/** The selected variant (`?v=`), else the first in stock, else the first. */
export function selectedVariant<V extends OptionedVariant>(variants: readonly V[], requested: string | undefined, inStock: (v: V) => boolean): V | undefined {
  return variants.find((v) => v.id === requested) ?? variants.find(inStock) ?? variants[0];
}
