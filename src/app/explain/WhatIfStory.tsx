import type { ReactNode } from 'react';
import { Icon } from '../../render/flow/Icon';
import { notesByHeading } from '../../topology/failures/report';
import type { FailureReport, Status } from '../../topology/failures/reportTypes';
import { safeHref } from '../ui/links';

const STATUS_CLASS: Record<Status | 'lost', string> = {
  up: 'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100',
  degraded:
    'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100',
  down: 'border-rose-300 bg-rose-50 text-rose-900 dark:border-rose-700 dark:bg-rose-950 dark:text-rose-100',
  lost: 'border-rose-300 bg-rose-50 text-rose-900 dark:border-rose-700 dark:bg-rose-950 dark:text-rose-100',
};

function Badge({ label, value, status }: { label: string; value: string; status: Status | 'lost' }) {
  return (
    <div className={`rounded border px-2 py-1 ${STATUS_CLASS[status]}`}>
      <div className="text-[11px] uppercase tracking-wider opacity-80">{label}</div>
      <div className="font-semibold">{value}</div>
    </div>
  );
}

/** A link that opens outside the app (http(s) only, else nothing), marked with the external icon. */
export function ExternalLink({
  url,
  children,
  className = '',
}: {
  url: string | undefined;
  children: ReactNode;
  className?: string;
}) {
  const href = safeHref(url);
  if (!href) return null;
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className={`text-blue-700 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300 ${className}`}
    >
      {children} <Icon name="external" />
    </a>
  );
}

/** A "why" link to a sentence's source. */
export function WhyLink({ source }: { source: string | undefined }) {
  return (
    <ExternalLink url={source} className="ml-1 whitespace-nowrap">
      why
    </ExternalLink>
  );
}

/** The failure story of the what-if panel: three headline states, then the sentences by heading, each with its source. */
export function WhatIfStory({ report }: { report: FailureReport }) {
  const lostMajorities = report.majorities.filter((m) => !m.held).length;
  return (
    <div className="grid gap-3">
      <div className="grid grid-cols-3 gap-1.5 text-[12px]" data-testid="what-if-states">
        <Badge label="Control plane" value={report.controlPlane} status={report.controlPlane} />
        <Badge
          label="North-south"
          value={report.northSouth}
          status={report.northSouth === 'up' ? 'up' : 'down'}
        />
        <Badge
          label="Majorities"
          value={lostMajorities > 0 ? `${lostMajorities} lost` : 'all held'}
          status={lostMajorities > 0 ? 'lost' : 'up'}
        />
      </div>
      <div className="grid gap-2" data-testid="what-if-summary">
        {notesByHeading(report).map((g) => (
          <section key={g.kind} aria-label={g.heading}>
            <h4 className="text-[11.5px] font-semibold uppercase tracking-wider text-slate-500 dark:text-slate-400">
              {g.heading}
            </h4>
            <ul className="mt-0.5 grid list-disc gap-1 pl-5">
              {g.notes.map((n, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: sentences may repeat (two elements with one name).
                <li key={i} className="leading-snug">
                  {n.text}
                  <WhyLink source={n.source} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
