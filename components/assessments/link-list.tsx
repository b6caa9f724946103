"use client";

import { QRCodeSVG } from "qrcode.react";
import { useMemo, useState } from "react";
import { CopyField } from "@/components/ui/copy-field";
import { Button } from "@/components/ui/button";
import { linksToCsv } from "@/lib/assessments/links-csv";

type Link = {
  id: string;
  path: string;
  role: string | null;
  name: string | null;
  email: string | null;
};

/** Freshly created links, shown once: copy, QR code, or all of them as a CSV download. */
export function LinkList({ links }: { links: Link[] }) {
  const [qrFor, setQrFor] = useState<string | null>(null);
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const csvHref = useMemo(() => {
    const text = linksToCsv(links.map((l) => ({ ...l, url: `${origin}${l.path}` })));
    return `data:text/csv;charset=utf-8,${encodeURIComponent(text)}`;
  }, [links, origin]);
  return (
    <div className="space-y-3 rounded-lg border border-emerald-200 bg-emerald-50 p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium text-emerald-900">
          Shown once: copy them now or download them as CSV. GapMap keeps each link only sealed with
          the server&apos;s secret, to email it when you ask.
        </p>
        <a
          href={csvHref}
          download="gapmap-links.csv"
          className="text-sm font-medium text-brand-700 underline"
        >
          Download CSV
        </a>
      </div>
      <ul className="space-y-4">
        {links.map((l) => (
          <li key={l.id} className="rounded-md bg-white p-3">
            <CopyField
              label={`${l.name ?? l.email ?? "Open link"} · ${l.role ?? "respondent picks a role"}`}
              value={l.path}
              absolute
            />
            <Button
              variant="ghost"
              className="mt-1 px-2 text-sm"
              onClick={() => setQrFor(qrFor === l.id ? null : l.id)}
              aria-expanded={qrFor === l.id}
            >
              {qrFor === l.id ? "Hide QR code" : "Show QR code"}
            </Button>
            {qrFor === l.id ? (
              <div className="mt-2 inline-block rounded-lg bg-white p-3">
                <QRCodeSVG
                  value={`${origin}${l.path}`}
                  size={192}
                  marginSize={2}
                  title={`QR code for ${l.name ?? "the open link"}`}
                />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
