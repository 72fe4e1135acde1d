import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/** The attributes that tie a control to its label and to the BFF's word on it. */
interface Described {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** A label, the control, and the error beside it, read out with the control. */
function Labelled({ label, error, control }: { label: string; error?: string; control: (described: Described) => ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {control({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined })}
      {error && (
        <span id={errorId} className="text-sm text-red-700">
          {error}
        </span>
      )}
    </div>
  );
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string;
}

export function Field({ label, error, ...input }: FieldProps) {
  return (
    <Labelled
      label={label}
      error={error}
      control={(described) => (
        <input {...described} className={`rounded border px-2 py-1 ${error ? 'border-red-600' : 'border-slate-400'}`} {...input} />
      )}
    />
  );
}

interface ChoiceProps {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  error?: string;
}

export function Choice({ label, value, options, onChange, error }: ChoiceProps) {
  return (
    <Labelled
      label={label}
      error={error}
      control={(described) => (
        <select {...described} value={value} onChange={(event) => onChange(event.target.value)} className={`rounded border px-2 py-1 ${error ? 'border-red-600' : 'border-slate-400'}`}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

interface TicksProps {
  legend: string;
  options: readonly { value: string; label: string }[];
  ticked: readonly string[];
  onChange: (ticked: string[]) => void;
  error?: string;
}

/** A question answered by ticking any of its options, none ticked until the person ticks them; the error is read with the group. */
export function Ticks({ legend, options, ticked, onChange, error }: TicksProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const toggle = (value: string, on: boolean) => onChange(options.map((option) => option.value).filter((v) => (v === value ? on : ticked.includes(v))));
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={error ? errorId : undefined}>
      <legend className="font-medium">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="flex min-h-11 items-center gap-2">
          <input type="checkbox" className="size-5" checked={ticked.includes(option.value)} onChange={(event) => toggle(option.value, event.target.checked)} />
          {option.label}
        </label>
      ))}
      {error && (
        <span id={errorId} className="text-sm text-red-700">
          {error}
        </span>
      )}
    </fieldset>
  );
}
