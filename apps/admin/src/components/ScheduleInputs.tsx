import { DateInput, DateTimeInput, FormDataConsumer, required } from 'react-admin';

type FormData = Record<string, unknown>;

/**
 * A required start and end date-time of a form (a promotion's or a live session's window; a draw
 * drop's start and registration close). `endIf`: the end is asked only when it holds for the
 * form's values.
 */
export const DateTimeWindowInputs = ({
  start = 'startsAt',
  end = 'endsAt',
  startHelperText,
  endIf,
}: {
  start?: string;
  end?: string;
  startHelperText?: string;
  endIf?: (values: FormData) => boolean;
}) => (
  <>
    <DateTimeInput source={start} validate={required()} helperText={startHelperText} />
    {endIf ? (
      <FormDataConsumer>
        {({ formData }) =>
          endIf(formData as FormData) ? <DateTimeInput source={end} validate={required()} /> : null
        }
      </FormDataConsumer>
    ) : (
      <DateTimeInput source={end} validate={required()} />
    )}
  </>
);

/**
 * A list's filters on the day a thing starts, both days included (`startsFrom`, `startsTo`; the
 * data file turns them into the API's startsFrom/startsBefore), labelled `<labels>.starts_from` /
 * `<labels>.starts_to`.
 */
export const startDayFilters = (labels: string) => [
  <DateInput key="startsFrom" source="startsFrom" label={`${labels}.starts_from`} alwaysOn />,
  <DateInput key="startsTo" source="startsTo" label={`${labels}.starts_to`} alwaysOn />,
];
