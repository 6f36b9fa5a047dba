import { Icon } from '../../render/flow/Icon';

/** The cross that closes a panel, card, dialog or note: its label says what it closes. */
export function CloseButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      aria-label={label}
      onClick={onClick}
      className="flex-none rounded p-1 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      <Icon name="close" size={14} />
    </button>
  );
}
