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
