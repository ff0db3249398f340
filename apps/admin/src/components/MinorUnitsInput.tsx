import { NumberInput, type NumberInputProps } from 'react-admin';
import { majorToMinor, minorToMajor } from '../data/money';

// Stable functions: NumberInput re-formats whenever `format` changes.
const format = (minor: unknown) => String(minorToMajor(typeof minor === 'number' ? minor : null));
const parse = (major: string | number) => majorToMinor(major);

/**
 * An amount kept in the form in minor units (fen), as the API takes it, and typed in major units
 * (yuan): 300 typed is 30000 in the form. Validators see minor units.
 */
export const MinorUnitsInput = (props: Omit<NumberInputProps, 'format' | 'parse'>) => (
  <NumberInput format={format} parse={parse} {...props} />
);

/** react-admin's minValue for an amount in minor units, its message in major units ("at least 0.01"). */
export const minMinorUnits =
  (min: number) =>
  (value: unknown): { message: string; args: { min: number } } | undefined =>
    typeof value === 'number' && value < min
      ? { message: 'ra.validation.minValue', args: { min: min / 100 } }
      : undefined;
