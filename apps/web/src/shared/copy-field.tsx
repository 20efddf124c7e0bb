import { useId, useState } from 'react';
import { useI18n } from './i18n';

export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useI18n();
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input id={id} readOnly value={value} onFocus={(event) => event.target.select()} />
        <button
          type="button"
          className="button"
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => setCopied(true));
            setTimeout(() => setCopied(false), 2000);
          }}
        >
          {copied ? t.copied : t.copy}
        </button>
      </div>
    </div>
  );
}
